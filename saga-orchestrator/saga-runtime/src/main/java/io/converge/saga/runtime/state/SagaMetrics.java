package io.converge.saga.runtime.state;

import io.converge.service.scheduling.PeriodicTask;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sagas as numbers at {@code /actuator/prometheus}: time to consistency (accepted → terminal, which is after every
 * participant committed its part; its count is the sagas ended, by outcome), open sagas by state, sagas not terminal
 * past their deadline, and sagas that ended late.
 *
 * <p>A scrape reads no table. Ended sagas are counted as they end (the time-to-consistency count, by outcome). Open
 * sagas are counted every {@code converge.saga.metrics-interval} by one query over the open rows only (reached by
 * index, bounded by admission), not kept as counters in each transition: a counter in memory is wrong as soon as two
 * orchestrators run, and a counter row every saga updates would serialize them all on one hot row.
 */
@Component
class SagaMetrics extends PeriodicTask {

  private static final List<SagaState> OPEN = List.of(SagaState.RUNNING, SagaState.COMPENSATING,
      SagaState.NEEDS_ATTENTION);

  private final JdbcTemplate jdbc;
  private final MeterRegistry registry;
  private final Counter endedLate;
  private final Map<SagaState, AtomicLong> open = new EnumMap<>(SagaState.class);
  private final AtomicLong pastDeadline = new AtomicLong();

  SagaMetrics(JdbcTemplate jdbc, MeterRegistry registry,
              @Value("${converge.saga.metrics-interval:10s}") Duration interval) {
    super("saga-metrics", interval);
    this.jdbc = jdbc;
    this.registry = registry;
    for (SagaState state : OPEN) {
      AtomicLong count = new AtomicLong();
      open.put(state, count);
      Gauge.builder("converge.sagas", count, AtomicLong::get).description("Sagas not ended, by state")
          .tag("state", state.name()).register(registry);
    }
    Gauge.builder("converge.sagas.past_deadline", pastDeadline, AtomicLong::get)
        .description("Sagas not terminal although their deadline passed").register(registry);
    this.endedLate = Counter.builder("converge.sagas.ended_after_deadline").register(registry);
  }

  @Override
  public void start() {
    try {
      runOnce(); // counted before the first scrape
    } catch (RuntimeException databaseAway) {
      // counted on the next run; a service starts without its database answering
    }
    super.start();
  }

  /** Counts the open sagas: only rows not ended, by the (ended_at, saga_id) index. */
  @Override
  protected void runOnce() {
    Map<SagaState, Long> counted = new EnumMap<>(SagaState.class);
    long[] late = {0};
    jdbc.query("SELECT state, COUNT(*), SUM(deadline_at < NOW(3)) FROM saga_summary WHERE ended_at IS NULL "
        + "GROUP BY state", rs -> {
          SagaState state = SagaState.valueOf(rs.getString(1));
          counted.put(state, rs.getLong(2));
          if (state != SagaState.NEEDS_ATTENTION) {
            late[0] += rs.getLong(3);
          }
        });
    // A saga parked after it ended (by the reconciler, a late refusal) has ended_at set: counted on its own.
    counted.merge(SagaState.NEEDS_ATTENTION, count("SELECT COUNT(*) FROM saga_summary WHERE state = ? "
        + "AND ended_at IS NOT NULL", SagaState.NEEDS_ATTENTION.name()), Long::sum);
    open.forEach((state, count) -> count.set(counted.getOrDefault(state, 0L)));
    pastDeadline.set(late[0]);
  }

  /**
   * Records the saga's time to consistency once its end commits.
   *
   * @param millis from its start to its end
   * @param late   whether it ended after its deadline
   */
  void ended(SagaState state, long millis, boolean late) {
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        Timer.builder("converge.saga.time_to_consistency")
            .description("Saga accepted → terminal, every participant's effect committed")
            .tag("outcome", state.name()).publishPercentiles(0.5, 0.95, 0.99).register(registry)
            .record(millis, TimeUnit.MILLISECONDS);
        if (late) {
          endedLate.increment();
        }
      }
    });
  }

  private long count(String sql, Object... args) {
    Long count = jdbc.queryForObject(sql, Long.class, args);
    return count == null ? 0 : count;
  }
}
