-- One read model version; ${schema} is its schema. Every row is keyed so that applying an event twice, or an older
-- event after a newer one, changes nothing: each facet keeps the highest version it saw.
-- Every statement is idempotent: each start applies this file to the live version too, so a version made by an older
-- release gains what was added since (empty: a rebuild fills it from the log).
CREATE SCHEMA IF NOT EXISTS ${schema};

CREATE TABLE IF NOT EXISTS ${schema}.order_history (
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
CREATE INDEX IF NOT EXISTS order_history_customer_idx ON ${schema}.order_history (customer_id, placed_at DESC);

-- Every fact about an order, once (keyed by the message id), shown in the order it happened.
CREATE TABLE IF NOT EXISTS ${schema}.order_timeline (
  message_id  TEXT        PRIMARY KEY,
  order_id    TEXT        NOT NULL,
  occurred_at TIMESTAMPTZ NOT NULL,
  event_type  TEXT        NOT NULL,
  detail      JSONB       NOT NULL
);
CREATE INDEX IF NOT EXISTS order_timeline_order_idx ON ${schema}.order_timeline (order_id, occurred_at);

-- The sagas that drove an order (placing it, cancelling it), each with its newest state; keyed by saga.
CREATE TABLE IF NOT EXISTS ${schema}.order_sagas (
  saga_id      TEXT        PRIMARY KEY,
  order_id     TEXT        NOT NULL,
  saga_type    TEXT,
  definition_version INT,
  state        TEXT        NOT NULL,
  reason       TEXT,
  started_at   TIMESTAMPTZ,
  deadline_at  TIMESTAMPTZ,
  changed_at   TIMESTAMPTZ NOT NULL,
  version      BIGINT      NOT NULL
);
CREATE INDEX IF NOT EXISTS order_sagas_order_idx ON ${schema}.order_sagas (order_id);

CREATE TABLE IF NOT EXISTS ${schema}.customer_history (
  customer_id  TEXT           PRIMARY KEY,
  name         TEXT,
  credit_limit NUMERIC(19, 2),
  version      BIGINT         NOT NULL DEFAULT 0
);

-- How far this model has read each partition of each channel: written with the rows the events changed.
CREATE TABLE IF NOT EXISTS ${schema}.read_positions (
  topic       TEXT        NOT NULL,
  part        INT         NOT NULL,
  next_offset BIGINT      NOT NULL,
  event_at    TIMESTAMPTZ NOT NULL,
  PRIMARY KEY (topic, part)
);
