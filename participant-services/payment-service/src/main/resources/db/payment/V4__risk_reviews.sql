-- One risk review per order (the business key), waiting for a person. The reply to the saga's RequestRiskReview is
-- sent when the person decides: the command's reply channel and correlation headers wait here until then (durable
-- across restarts; no thread waits). A withdrawal arriving first leaves a WITHDRAWN row, so a late request is refused.
CREATE TABLE risk_reviews (
  order_id       VARCHAR(64)    NOT NULL PRIMARY KEY,
  customer_id    VARCHAR(64)    NULL,
  amount         DECIMAL(19, 2) NULL,
  state          VARCHAR(16)    NOT NULL,
  decide_by      TIMESTAMP(3)   NULL,
  reviewer       VARCHAR(64)    NULL,
  comment        VARCHAR(1000)  NULL,
  decided_at     TIMESTAMP(3)   NULL,
  reply_channel  VARCHAR(200)   NULL,
  reply_headers  TEXT           NULL,
  requested_at   TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at     TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  KEY risk_reviews_state_requested (state, requested_at)
);
