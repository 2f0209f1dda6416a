-- The reconciler asks for what is held (one status) and changed recently.
CREATE INDEX payments_changed_idx ON payments (status, updated_at);
