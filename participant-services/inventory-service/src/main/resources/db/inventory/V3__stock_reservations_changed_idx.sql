-- The reconciler asks for what is held (one status) and changed recently.
CREATE INDEX stock_reservations_changed_idx ON stock_reservations (status, updated_at);
