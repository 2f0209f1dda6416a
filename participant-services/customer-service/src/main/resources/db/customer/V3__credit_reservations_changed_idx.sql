-- The reconciler asks for what is held (one status) and changed recently.
CREATE INDEX credit_reservations_changed_idx ON credit_reservations (status, updated_at);
