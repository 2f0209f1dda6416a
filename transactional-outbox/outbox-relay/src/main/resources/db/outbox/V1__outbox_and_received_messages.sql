-- Eventuate Tram's outbox and duplicate-detection tables, in the service's own database.
-- Column layout follows Eventuate's MySQL scripts (its JDBC producer and consumer write them);
-- ids are VARCHAR(255) there too, and the (published, id) index serves the relay's query.
CREATE TABLE message (
  id                VARCHAR(255) PRIMARY KEY,
  destination       VARCHAR(255) NOT NULL,
  headers           LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
  payload           LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
  published         SMALLINT DEFAULT 0,
  message_partition SMALLINT,
  creation_time     BIGINT
);
CREATE INDEX message_published_idx ON message (published, id);
CREATE INDEX message_retention_idx ON message (published, creation_time);

CREATE TABLE received_messages (
  consumer_id   VARCHAR(255),
  message_id    VARCHAR(255),
  creation_time BIGINT,
  published     SMALLINT DEFAULT 0,
  PRIMARY KEY (consumer_id, message_id)
);
CREATE INDEX received_messages_retention_idx ON received_messages (creation_time);

-- Semantic locks and stashed commands of Eventuate's saga participant support.
CREATE TABLE saga_lock_table (
  target    VARCHAR(255) PRIMARY KEY,
  saga_type VARCHAR(255) NOT NULL,
  saga_id   VARCHAR(100) NOT NULL
);
CREATE TABLE saga_stash_table (
  message_id      VARCHAR(255) PRIMARY KEY,
  target          VARCHAR(255) NOT NULL,
  saga_type       VARCHAR(255) NOT NULL,
  saga_id         VARCHAR(100) NOT NULL,
  message_headers TEXT NOT NULL,
  message_payload MEDIUMTEXT NOT NULL
);

-- Records a consumer could not parse or handle (after its retries): kept here, in the service's own database, so the
-- consumer goes on and nothing is lost. message_id/headers are null when the record was not a message at all.
CREATE TABLE dead_letters (
  id            BIGINT AUTO_INCREMENT PRIMARY KEY,
  subscriber_id VARCHAR(255)  NOT NULL,
  channel       VARCHAR(255)  NULL,
  message_id    VARCHAR(255)  NULL,
  headers       LONGTEXT      NULL,
  payload       LONGTEXT      NOT NULL,
  error         VARCHAR(4000) NOT NULL,
  created_at    TIMESTAMP(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  replayed_at   TIMESTAMP(3)  NULL
);

-- One active relay per database: the instance holding this lease publishes; others stand by and take over when it
-- expires. Times are the database's, so instances' clocks need not agree.
CREATE TABLE outbox_relay_lease (
  name       VARCHAR(64)  NOT NULL PRIMARY KEY,
  owner      VARCHAR(255) NOT NULL,
  expires_at TIMESTAMP(3) NOT NULL
);
