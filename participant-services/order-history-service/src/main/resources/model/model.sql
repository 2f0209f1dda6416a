-- One read model version; ${schema} is its schema. Every row is keyed so that applying an event twice, or an older
-- event after a newer one, changes nothing: each facet keeps the highest version it saw.
CREATE SCHEMA ${schema};

CREATE TABLE ${schema}.order_history (
  order_id         TEXT           PRIMARY KEY,
  customer_id      TEXT,
  payment_method   TEXT,
  lines            JSONB          NOT NULL DEFAULT '[]',
  placed_at        TIMESTAMPTZ,
  state            TEXT,
  rejection_reason TEXT,
  total            NUMERIC(19, 2),
  order_version    BIGINT         NOT NULL DEFAULT 0,
  stock_state      TEXT,
  stock_detail     JSONB,
  stock_version    BIGINT         NOT NULL DEFAULT 0,
  credit_state     TEXT,
  credit_amount    NUMERIC(19, 2),
  credit_version   BIGINT         NOT NULL DEFAULT 0,
  payment_state    TEXT,
  payment_amount   NUMERIC(19, 2),
  payment_version  BIGINT         NOT NULL DEFAULT 0,
  updated_at       TIMESTAMPTZ    NOT NULL
);
CREATE INDEX order_history_customer_idx ON ${schema}.order_history (customer_id, placed_at DESC);

-- Every fact about an order, once (keyed by the message id), shown in the order it happened.
CREATE TABLE ${schema}.order_timeline (
  message_id  TEXT        PRIMARY KEY,
  order_id    TEXT        NOT NULL,
  occurred_at TIMESTAMPTZ NOT NULL,
  event_type  TEXT        NOT NULL,
  detail      JSONB       NOT NULL
);
CREATE INDEX order_timeline_order_idx ON ${schema}.order_timeline (order_id, occurred_at);

CREATE TABLE ${schema}.customer_history (
  customer_id  TEXT           PRIMARY KEY,
  name         TEXT,
  credit_limit NUMERIC(19, 2),
  version      BIGINT         NOT NULL DEFAULT 0
);

-- How far this model has read each partition of each channel: written with the rows the events changed.
CREATE TABLE ${schema}.read_positions (
  topic       TEXT        NOT NULL,
  part        INT         NOT NULL,
  next_offset BIGINT      NOT NULL,
  event_at    TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (topic, part)
);
