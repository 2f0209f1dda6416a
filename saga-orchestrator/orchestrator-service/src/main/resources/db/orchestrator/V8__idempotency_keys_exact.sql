-- An Idempotency-Key is matched byte for byte: under the database's default collation 'abc' and 'ABC' (or 'é' and
-- 'e') were the same key, so one client's request could be answered with another's saga.
ALTER TABLE idempotency_keys MODIFY idempotency_key VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL;
