package io.converge.orchestrator.placeorder;

import io.converge.service.scheduling.PeriodicTask;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Forgets Idempotency-Keys older than {@code converge.orders.idempotency-key-retention} (7 days by default), in small
 * batches: a client retrying with a key after that starts a new order.
 */
@Component
@EnableConfigurationProperties(OrderProperties.class)
class IdempotencyKeyRetention extends PeriodicTask {

  private static final int BATCH = 1000;

  private final JdbcTemplate jdbc;
  private final Duration retention;

  IdempotencyKeyRetention(JdbcTemplate jdbc, OrderProperties properties) {
    super("idempotency-key-retention", Duration.ofMinutes(10));
    this.jdbc = jdbc;
    this.retention = properties.idempotencyKeyRetention();
  }

  @Override
  protected void runOnce() {
    int deleted;
    do {
      deleted = jdbc.update("DELETE FROM idempotency_keys WHERE created_at < DATE_SUB(NOW(3), INTERVAL ? SECOND) "
          + "LIMIT ?", retention.toSeconds(), BATCH);
    } while (deleted == BATCH);
  }
}
