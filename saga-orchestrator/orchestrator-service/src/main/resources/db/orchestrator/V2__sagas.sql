-- Eventuate Tram Sagas' instance tables, widened: Eventuate's scripts hold saga data in VARCHAR(1000), which real
-- saga data overflows.
CREATE TABLE saga_instance (
  saga_type       VARCHAR(255) NOT NULL,
  saga_id         VARCHAR(100) NOT NULL,
  state_name      VARCHAR(255) NOT NULL,
  last_request_id VARCHAR(100),
  end_state       INT(1),
  compensating    INT(1),
  failed          INT(1),
  saga_data_type  VARCHAR(1000) NOT NULL,
  saga_data_json  MEDIUMTEXT    NOT NULL,
  PRIMARY KEY (saga_type, saga_id)
);

CREATE TABLE saga_instance_participants (
  saga_type   VARCHAR(255) NOT NULL,
  saga_id     VARCHAR(100) NOT NULL,
  destination VARCHAR(200) NOT NULL,
  resource    VARCHAR(200) NOT NULL,
  PRIMARY KEY (saga_type, saga_id, destination, resource)
);

-- Our summary of each saga: what GET /api/sagas/{id} and the dashboard read.
CREATE TABLE saga_summary (
  saga_id    VARCHAR(100) NOT NULL PRIMARY KEY,
  saga_type  VARCHAR(255) NOT NULL,
  order_id   VARCHAR(64)  NULL,
  state      VARCHAR(20)  NOT NULL,
  reason     VARCHAR(64)  NULL,
  started_at TIMESTAMP(3) NOT NULL,
  ended_at   TIMESTAMP(3) NULL,
  deadline_at TIMESTAMP(3) NOT NULL,
  -- Why the saga is parked in NEEDS_ATTENTION: the step, its attempts, what is still inconsistent.
  attention  VARCHAR(2000) NULL
);
CREATE INDEX saga_summary_state_idx ON saga_summary (state, started_at);
CREATE INDEX saga_summary_order_idx ON saga_summary (order_id);

-- Every command sent and reply received, written in the transaction that sent or handled it.
CREATE TABLE saga_history (
  id           BIGINT AUTO_INCREMENT PRIMARY KEY,
  saga_id      VARCHAR(100) NOT NULL,
  kind         VARCHAR(20)  NOT NULL,
  participant  VARCHAR(64)  NOT NULL,
  message_type VARCHAR(255) NOT NULL,
  outcome      VARCHAR(16)  NULL,
  attempt      INT          NULL,
  message_id   VARCHAR(255) NULL,
  at           TIMESTAMP(3) NOT NULL
);
CREATE INDEX saga_history_saga_idx ON saga_history (saga_id, id);

-- Idempotency-Key header → the saga it started, and a hash of the request that started it.
CREATE TABLE idempotency_keys (
  idempotency_key VARCHAR(200) NOT NULL PRIMARY KEY,
  request_hash    CHAR(64)     NOT NULL,
  saga_id         VARCHAR(100) NULL,
  order_id        VARCHAR(64)  NULL,
  created_at      TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
);

-- Which command messages the saga accepts a reply to now: every attempt of its current step. A reply to anything
-- else is late or duplicated and is dropped (Eventuate would apply it to whatever step is current).
CREATE TABLE saga_awaited_replies (
  message_id VARCHAR(255) NOT NULL PRIMARY KEY,
  saga_id    VARCHAR(100) NOT NULL,
  attempt    INT          NOT NULL,
  sent_at    TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)
);
CREATE INDEX saga_awaited_replies_saga_idx ON saga_awaited_replies (saga_id);

-- The current step's timer, one per saga, written in the transaction that sent the step's command.
CREATE TABLE saga_timers (
  saga_id            VARCHAR(100) NOT NULL PRIMARY KEY,
  due_at             TIMESTAMP(3) NOT NULL,
  attempt            INT          NOT NULL,
  command_message_id VARCHAR(255) NOT NULL,
  command_type       VARCHAR(255) NOT NULL
);
CREATE INDEX saga_timers_due_idx ON saga_timers (due_at);

-- What operators did to sagas, with who and when.
CREATE TABLE saga_operator_actions (
  id       BIGINT AUTO_INCREMENT PRIMARY KEY,
  saga_id  VARCHAR(100) NOT NULL,
  action   VARCHAR(32)  NOT NULL,
  operator VARCHAR(100) NOT NULL,
  comment  VARCHAR(2000) NULL,
  at       TIMESTAMP(3) NOT NULL
);
CREATE INDEX saga_operator_actions_saga_idx ON saga_operator_actions (saga_id, id);
