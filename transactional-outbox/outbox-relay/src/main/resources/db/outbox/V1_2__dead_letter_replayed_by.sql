-- Who replayed a dead letter (a replay happens once), for the audit trail.
ALTER TABLE dead_letters ADD COLUMN replayed_by VARCHAR(64) NULL AFTER replayed_at;
