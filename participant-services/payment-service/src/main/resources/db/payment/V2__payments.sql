-- One row per order (the business key). A void arriving first leaves a VOIDED row without a payment id, so a late
-- authorization for that order is declined.
CREATE TABLE payments (
  order_id       VARCHAR(64)    NOT NULL PRIMARY KEY,
  payment_id     VARCHAR(64)    NULL,
  customer_id    VARCHAR(64)    NULL,
  amount         DECIMAL(19, 2) NULL,
  payment_method VARCHAR(64)    NULL,
  status         VARCHAR(16)    NOT NULL,
  reason         VARCHAR(200)   NULL,
  created_at     TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at     TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)
);
