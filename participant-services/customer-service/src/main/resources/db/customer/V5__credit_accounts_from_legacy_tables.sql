-- The event log starts from what the tables held (the migration from current state to events): each customer's
-- account opened with its limit, then one reservation per order holding credit, oldest first. What was rejected or
-- released before holds nothing and stays in credit_reservations only. Payloads are the JSON the event classes read
-- (CreditAccountEvent, revision 1). The same facts are published to other services (CreditEvent, through the
-- outbox), as the account's first events would have been.
SET @previous_time_zone = @@session.time_zone;
SET time_zone = '+00:00';

INSERT INTO credit_accounts (customer_id, opened_at)
SELECT id, created_at FROM customers;

CREATE TEMPORARY TABLE migrated_credit (
  customer_id     VARCHAR(64)    NOT NULL,
  sequence_number BIGINT         NOT NULL,
  name            VARCHAR(200)   NULL,
  credit_limit    DECIMAL(19, 2) NULL,
  order_id        VARCHAR(64)    NULL,
  amount          DECIMAL(19, 2) NULL,
  happened_at     TIMESTAMP(3)   NOT NULL,
  PRIMARY KEY (customer_id, sequence_number)
);
INSERT INTO migrated_credit (customer_id, sequence_number, name, credit_limit, happened_at)
SELECT id, 0, name, credit_limit, created_at FROM customers;
INSERT INTO migrated_credit (customer_id, sequence_number, order_id, amount, happened_at)
SELECT r.customer_id, ROW_NUMBER() OVER (PARTITION BY r.customer_id ORDER BY r.created_at, r.order_id), r.order_id,
       r.amount, r.created_at
FROM credit_reservations r JOIN customers c ON c.id = r.customer_id
WHERE r.status = 'RESERVED';

INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload,
                                payload_revision, payload_type, time_stamp)
SELECT customer_id, sequence_number, 'CreditAccount', UUID(), '{}',
       CASE WHEN sequence_number = 0
         THEN JSON_OBJECT('customerId', customer_id, 'name', name, 'creditLimit', credit_limit)
         ELSE JSON_OBJECT('customerId', customer_id, 'orderId', order_id, 'amount', amount) END,
       '1',
       CASE WHEN sequence_number = 0 THEN 'io.converge.customer.credit.domain.CreditAccountEvent$AccountOpened'
         ELSE 'io.converge.customer.credit.domain.CreditAccountEvent$CreditReserved' END,
       DATE_FORMAT(happened_at, '%Y-%m-%dT%H:%i:%s.%fZ')
FROM migrated_credit;

-- Ids that sort before any the running service makes, and in each account's order: the relay publishes by id.
INSERT INTO message (id, destination, headers, payload, published, creation_time)
SELECT CONCAT('0000-migrated-', customer_id, '-', LPAD(sequence_number, 12, '0')), 'converge.events.credit',
       JSON_OBJECT('ID', CONCAT('0000-migrated-', customer_id, '-', LPAD(sequence_number, 12, '0')),
                   'DESTINATION', 'converge.events.credit', 'PARTITION_ID', customer_id,
                   'event-aggregate-type', 'converge.events.credit', 'event-aggregate-id', customer_id,
                   'event-type', CASE WHEN sequence_number = 0 THEN 'credit.event.AccountOpened.v1'
                                   ELSE 'credit.event.Reserved.v1' END),
       CASE WHEN sequence_number = 0
         THEN JSON_OBJECT('customerId', customer_id, 'version', 0, 'name', name, 'creditLimit', credit_limit,
                          'occurredAtEpochMillis', FLOOR(UNIX_TIMESTAMP(happened_at) * 1000))
         ELSE JSON_OBJECT('customerId', customer_id, 'version', sequence_number, 'orderId', order_id, 'amount', amount,
                          'occurredAtEpochMillis', FLOOR(UNIX_TIMESTAMP(happened_at) * 1000)) END,
       0, FLOOR(UNIX_TIMESTAMP(NOW(3)) * 1000)
FROM migrated_credit;

DROP TEMPORARY TABLE migrated_credit;
SET time_zone = @previous_time_zone;

-- The events are the account now; a second copy of its state could only drift from them.
DROP TABLE customers;
