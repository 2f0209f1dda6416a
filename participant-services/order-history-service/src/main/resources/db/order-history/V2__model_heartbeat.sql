-- A rebuild beats while it runs: one whose process died leaves a BUILDING row with an old beat, which the next
-- rebuild marks FAILED instead of waiting for it forever.
ALTER TABLE models ADD COLUMN heartbeat_at TIMESTAMPTZ NOT NULL DEFAULT now();
