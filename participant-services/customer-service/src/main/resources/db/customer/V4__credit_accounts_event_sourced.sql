-- The credit account becomes event-sourced (docs/adr/0002-event-sourced-credit.md). Axon Framework's JDBC event
-- store, as its MySqlEventTableFactory makes it, on this service's own database.
CREATE TABLE domain_event_entry (
  global_index         BIGINT       NOT NULL AUTO_INCREMENT,
  aggregate_identifier VARCHAR(255) NOT NULL,
  sequence_number      BIGINT       NOT NULL,
  type                 VARCHAR(255),
  event_identifier     VARCHAR(255) NOT NULL,
  meta_data            BLOB,
  payload              BLOB         NOT NULL,
  payload_revision     VARCHAR(255),
  payload_type         VARCHAR(255) NOT NULL,
  time_stamp           VARCHAR(255),
  PRIMARY KEY (global_index),
  -- The optimistic check: two appends at one stream version cannot both commit.
  UNIQUE (aggregate_identifier, sequence_number),
  UNIQUE (event_identifier)
);

CREATE TABLE snapshot_event_entry (
  aggregate_identifier VARCHAR(255) NOT NULL,
  sequence_number      BIGINT       NOT NULL,
  type                 VARCHAR(255) NOT NULL,
  event_identifier     VARCHAR(255) NOT NULL,
  meta_data            BLOB,
  payload              BLOB         NOT NULL,
  payload_revision     VARCHAR(255),
  payload_type         VARCHAR(255) NOT NULL,
  time_stamp           VARCHAR(255),
  PRIMARY KEY (aggregate_identifier, sequence_number),
  UNIQUE (event_identifier)
);

-- One row per account, to lock on: decisions for one customer are made one after another. Its state is its events.
CREATE TABLE credit_accounts (
  customer_id VARCHAR(64)  NOT NULL PRIMARY KEY,
  opened_at   TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
);
