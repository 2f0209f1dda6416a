-- The version of its saga's definition each instance started on and runs on to its end. Instances started before
-- versions existed ran the first one.
ALTER TABLE saga_summary ADD COLUMN definition_version INT NOT NULL DEFAULT 1 AFTER saga_type;
