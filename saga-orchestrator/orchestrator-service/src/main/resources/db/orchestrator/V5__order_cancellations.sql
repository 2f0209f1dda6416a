-- The one cancellation of an order: a second request answers with this saga.
CREATE TABLE order_cancellations (
  order_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
  saga_id    VARCHAR(100) NOT NULL,
  created_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
);

-- Sagas listed by type (GET /api/sagas?type=...).
CREATE INDEX saga_summary_type_idx ON saga_summary (saga_type, started_at);
