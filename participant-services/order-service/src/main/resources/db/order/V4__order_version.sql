-- Each change of an order counts one up: its published events (OrderEvent) carry it, so a reader can tell which of
-- two events about one order is the later, whatever order they arrive in.
ALTER TABLE orders ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
