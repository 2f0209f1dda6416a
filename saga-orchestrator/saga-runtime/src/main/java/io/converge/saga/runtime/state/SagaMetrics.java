package io.converge.saga.runtime.state;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sagas as numbers at {@code /actuator/prometheus}: time to consistency (accepted → terminal, which is after every
 * participant committed its part; its count is the sagas ended, by outcome), open sagas by state, sagas not terminal
 * past their deadline, and sagas that ended late.
 */
@Component
class SagaMetrics {

  private final JdbcTemplate jdbc;
  private final MeterRegistry registry;
  private final Counter endedLate;

  SagaMetrics(JdbcTemplate jdbc, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.registry = registry;
    // Only the open states are counted on a scrape: those rows are few, and the (state, started_at) index reaches
    // them directly. Sagas that ended are counted as they end (converge_saga_time_to_consistency_seconds_count, by
    // outcome), never by scanning a table that grows with every saga.
    for (SagaState state : List.of(SagaState.RUNNING, SagaState.COMPENSATING, SagaState.NEEDS_ATTENTION)) {
      Gauge.builder("converge.sagas", () -> count("SELECT COUNT(*) FROM saga_summary WHERE state = ?", state.name()))
          .description("Sagas not ended, by state").tag("state", state.name()).register(registry);
    }
    Gauge.builder("converge.sagas.past_deadline", () -> count("SELECT COUNT(*) FROM saga_summary "
            + "WHERE ended_at IS NULL AND deadline_at < NOW(3)"))
        .description("Sagas not terminal although their deadline passed").register(registry);
    this.endedLate = Counter.builder("converge.sagas.ended_after_deadline").register(registry);
  }

  /** Records the saga's time to consistency once its end commits. */
  void ended(String sagaId, SagaState state) {
    record Ending(long millis, boolean late) {
    }
    Ending ending = jdbc.queryForObject("SELECT TIMESTAMPDIFF(MICROSECOND, started_at, ended_at) DIV 1000, "
        + "ended_at > deadline_at FROM saga_summary WHERE saga_id = ?",
        (rs, row) -> new Ending(rs.getLong(1), rs.getBoolean(2)), sagaId);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        Timer.builder("converge.saga.time_to_consistency")
            .description("Saga accepted → terminal, every participant's effect committed")
            .tag("outcome", state.name()).publishPercentiles(0.5, 0.95, 0.99).register(registry)
            .record(ending.millis(), TimeUnit.MILLISECONDS);
        if (ending.late()) {
          endedLate.increment();
        }
      }
    });
  }

  private double count(String sql, Object... args) {
    Long count = jdbc.queryForObject(sql, Long.class, args);
    return count == null ? 0 : count;
  }
}
