-- Set when a saga's deadline passed while a step it never undoes (the pivot or after) was still unanswered.
ALTER TABLE saga_summary ADD COLUMN past_deadline_reason VARCHAR(500) NULL;
-- The reconciler sweeps sagas in the order they ended; open sagas past their deadline are listed by this index too.
CREATE INDEX saga_summary_ended_idx ON saga_summary (ended_at, saga_id);

-- When the command a timer guards was sent (this attempt): a timer that waits longer keeps it.
ALTER TABLE saga_timers ADD COLUMN armed_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3);

-- How far the reconciler's sweep has come: every saga that ended up to (ended_at, saga_id) has been checked.
CREATE TABLE reconciler_checkpoint (
  name     VARCHAR(64)  NOT NULL PRIMARY KEY,
  ended_at TIMESTAMP(3) NOT NULL,
  saga_id  VARCHAR(100) NOT NULL
);

-- What the reconciler found, and what it did about each finding: REPAIRED (a safe idempotent command re-sent),
-- PARKED (the saga put in NEEDS_ATTENTION with the fact) or REPORTED (nothing safe to do, nothing to park).
CREATE TABLE reconciler_findings (
  id        BIGINT AUTO_INCREMENT PRIMARY KEY,
  saga_id   VARCHAR(100)  NULL,
  order_id  VARCHAR(64)   NULL,
  invariant VARCHAR(64)   NOT NULL,
  detail    VARCHAR(2000) NOT NULL,
  action    VARCHAR(16)   NOT NULL,
  found_at  TIMESTAMP(3)  NOT NULL
);
CREATE INDEX reconciler_findings_found_idx ON reconciler_findings (found_at);
CREATE INDEX reconciler_findings_saga_idx ON reconciler_findings (saga_id);

-- Sagas the reconciler repaired, to be checked again once the repair had time to land; parked after a few tries.
CREATE TABLE reconciler_repairs (
  saga_id       VARCHAR(100) NOT NULL PRIMARY KEY,
  attempts      INT          NOT NULL,
  next_check_at TIMESTAMP(3) NOT NULL
);
CREATE INDEX reconciler_repairs_due_idx ON reconciler_repairs (next_check_at);
