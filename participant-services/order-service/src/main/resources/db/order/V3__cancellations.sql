-- An approved order can be cancelled: the cancellation that holds it (CANCELLATION_PENDING) or cancelled it.
ALTER TABLE orders ADD COLUMN cancellation_id VARCHAR(100) NULL;
-- state grows CANCELLATION_PENDING (20 characters).
ALTER TABLE orders MODIFY COLUMN state VARCHAR(24) NOT NULL;

-- Cancellations undone, also before they began: a late BeginCancellation of one of these locks nothing.
CREATE TABLE withdrawn_cancellations (
  cancellation_id VARCHAR(100) NOT NULL PRIMARY KEY,
  order_id        VARCHAR(64)  NOT NULL,
  withdrawn_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
);
