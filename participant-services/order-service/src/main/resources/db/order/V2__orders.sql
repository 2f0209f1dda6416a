-- The order id is chosen by the saga, so CreateOrder, RejectOrder and ApproveOrder are idempotent by it.
-- A RejectOrder that arrives before its CreateOrder leaves a REJECTED row with no customer: the order can never
-- be created PENDING afterwards.
CREATE TABLE orders (
  id             VARCHAR(64)    NOT NULL PRIMARY KEY,
  customer_id    VARCHAR(64)    NULL,
  payment_method VARCHAR(64)    NULL,
  state          VARCHAR(16)    NOT NULL,
  reason         VARCHAR(32)    NULL,
  total          DECIMAL(19, 2) NULL,
  created_at     TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at     TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)
);

CREATE TABLE order_lines (
  order_id VARCHAR(64) NOT NULL,
  line_no  INT         NOT NULL,
  sku      VARCHAR(64) NOT NULL,
  quantity INT         NOT NULL,
  PRIMARY KEY (order_id, line_no)
);
