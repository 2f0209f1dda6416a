package io.converge.orchestrator.placeorder;

import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Idempotency-Key → the saga it started. Claiming a key inserts its row in the caller's transaction; a concurrent
 * claim of the same key waits on that row and then sees it.
 */
@Repository
class IdempotencyKeys {

  record Claimed(String requestHash, String sagaId, String orderId) {
  }

  private final JdbcTemplate jdbc;

  IdempotencyKeys(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Claims the key, or returns who holds it. */
  Optional<Claimed> claim(String key, String requestHash) {
    try {
      jdbc.update("INSERT INTO idempotency_keys (idempotency_key, request_hash) VALUES (?, ?)", key, requestHash);
      return Optional.empty();
    } catch (DuplicateKeyException e) {
      return Optional.of(jdbc.queryForObject("SELECT request_hash, saga_id, order_id FROM idempotency_keys "
              + "WHERE idempotency_key = ?", (rs, row) -> new Claimed(rs.getString(1), rs.getString(2), rs.getString(3)),
          key));
    }
  }

  void bind(String key, String sagaId, String orderId) {
    jdbc.update("UPDATE idempotency_keys SET saga_id = ?, order_id = ? WHERE idempotency_key = ?", sagaId, orderId,
        key);
  }
}
