-- The event log starts from what the tables held (the migration from current state to events): each customer's
-- account opened with its limit, then one reservation per order holding credit, oldest first. What was rejected or
-- released before holds nothing and stays in credit_reservations only. Payloads are the JSON the event classes read
-- (CreditAccountEvent, revision 1).
INSERT INTO credit_accounts (customer_id, opened_at)
SELECT id, created_at FROM customers;

INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload,
                                payload_revision, payload_type, time_stamp)
SELECT id, 0, 'CreditAccount', UUID(), '{}',
       JSON_OBJECT('customerId', id, 'name', name, 'creditLimit', credit_limit), '1',
       'io.converge.customer.credit.domain.CreditAccountEvent$AccountOpened',
       DATE_FORMAT(CONVERT_TZ(created_at, @@session.time_zone, '+00:00'), '%Y-%m-%dT%H:%i:%s.%fZ')
FROM customers;

INSERT INTO domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier, meta_data, payload,
                                payload_revision, payload_type, time_stamp)
SELECT r.customer_id,
       ROW_NUMBER() OVER (PARTITION BY r.customer_id ORDER BY r.created_at, r.order_id),
       'CreditAccount', UUID(), '{}',
       JSON_OBJECT('customerId', r.customer_id, 'orderId', r.order_id, 'amount', r.amount), '1',
       'io.converge.customer.credit.domain.CreditAccountEvent$CreditReserved',
       DATE_FORMAT(CONVERT_TZ(r.created_at, @@session.time_zone, '+00:00'), '%Y-%m-%dT%H:%i:%s.%fZ')
FROM credit_reservations r JOIN customers c ON c.id = r.customer_id
WHERE r.status = 'RESERVED';

-- The events are the account now; a second copy of its state could only drift from them.
DROP TABLE customers;
