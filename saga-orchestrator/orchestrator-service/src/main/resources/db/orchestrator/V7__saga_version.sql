-- Counts a saga's changes of state (1 when it starts): the version its published SagaEvents carry, so a reader keeps
-- the newest whatever order they arrive in.
ALTER TABLE saga_summary ADD COLUMN version INT NOT NULL DEFAULT 1 AFTER state;
