CREATE TABLE customers (
  id           VARCHAR(64)    NOT NULL PRIMARY KEY,
  name         VARCHAR(200)   NOT NULL,
  credit_limit DECIMAL(19, 2) NOT NULL,
  -- Sum of the customer's RESERVED reservations, kept under the customer's row lock: deciding a reservation never
  -- has to add up the customer's history.
  reserved     DECIMAL(19, 2) NOT NULL DEFAULT 0,
  created_at   TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
);

-- One row per order: the order id is the business key that makes reserve and release idempotent.
-- status RESERVED holds credit; RELEASED and REJECTED hold none. A release that arrives first leaves a RELEASED row,
-- so a late reservation for that order can never take credit.
CREATE TABLE credit_reservations (
  order_id    VARCHAR(64)    NOT NULL PRIMARY KEY,
  customer_id VARCHAR(64)    NULL,
  amount      DECIMAL(19, 2) NOT NULL,
  status      VARCHAR(16)    NOT NULL,
  reason      VARCHAR(32)    NULL,
  available   DECIMAL(19, 2) NULL,
  created_at  TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at  TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)
);
CREATE INDEX credit_reservations_customer_idx ON credit_reservations (customer_id, status);
