CREATE TABLE products (
  sku        VARCHAR(64)    NOT NULL PRIMARY KEY,
  name       VARCHAR(200)   NOT NULL,
  price      DECIMAL(19, 2) NOT NULL,
  on_hand    INT            NOT NULL,
  reserved   INT            NOT NULL DEFAULT 0,
  created_at TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT products_reserved_within_stock CHECK (reserved >= 0 AND reserved <= on_hand)
);

-- One row per order (the business key). RESERVED holds stock; RELEASED and REJECTED hold none.
-- A release arriving first leaves a RELEASED row, so a late reservation for that order takes nothing.
CREATE TABLE stock_reservations (
  order_id   VARCHAR(64)    NOT NULL PRIMARY KEY,
  status     VARCHAR(16)    NOT NULL,
  reason     VARCHAR(32)    NULL,
  failed_skus VARCHAR(2000) NULL,
  total      DECIMAL(19, 2) NULL,
  created_at TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at TIMESTAMP(3)   NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3)
);

CREATE TABLE stock_reservation_lines (
  order_id   VARCHAR(64)    NOT NULL,
  sku        VARCHAR(64)    NOT NULL,
  quantity   INT            NOT NULL,
  unit_price DECIMAL(19, 2) NOT NULL,
  PRIMARY KEY (order_id, sku)
);
CREATE INDEX stock_reservation_lines_sku_idx ON stock_reservation_lines (sku);
