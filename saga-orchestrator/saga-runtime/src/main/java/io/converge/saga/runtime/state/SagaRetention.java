package io.converge.saga.runtime.state;

import io.converge.saga.runtime.definition.SagaTypes;
import io.converge.service.scheduling.PeriodicTask;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes sagas that ended longer ago than their retention (and that the reconciler's sweep has passed), with their
 * history and Eventuate's instance rows; and old operator actions. A batch of sagas at a time,
 * each batch in a transaction of its own.
 */
@Component
@EnableConfigurationProperties(SagaRetentionProperties.class)
public class SagaRetention extends PeriodicTask {

  private static final Logger log = LoggerFactory.getLogger(SagaRetention.class);
  private static final List<String> TERMINAL = List.of("COMPLETED", "COMPENSATED", "FAILED", "RESOLVED");

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final SagaRetentionProperties properties;

  SagaRetention(JdbcTemplate jdbc, TransactionTemplate transactions, SagaRetentionProperties properties) {
    super("saga-retention", properties.interval());
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.properties = properties;
  }

  /** Runs one clean-up; returns the sagas deleted. */
  public int purgeExpired() {
    int sagas = 0;
    List<Expired> batch;
    do {
      batch = expiredSagas();
      if (!batch.isEmpty()) {
        List<Expired> expired = batch;
        transactions.executeWithoutResult(tx -> delete(expired));
      }
      sagas += batch.size();
    } while (batch.size() == properties.batchSize());
    deleteInBatches("DELETE FROM saga_operator_actions WHERE at < DATE_SUB(NOW(3), INTERVAL ? SECOND) LIMIT ?",
        properties.operatorActions().toSeconds());
    return sagas;
  }

  private record Expired(String sagaId, String sagaType) {
  }

  /**
   * Terminal sagas ended before their retention and before the sweep's checkpoint (never one it has not checked, nor
   * one whose repair it has still to check).
   */
  private List<Expired> expiredSagas() {
    return jdbc.query("SELECT s.saga_id, s.saga_type, s.definition_version FROM saga_summary s "
            + "LEFT JOIN reconciler_checkpoint c ON c.name = 'sweep' "
            + "WHERE s.ended_at IS NOT NULL AND s.ended_at < DATE_SUB(NOW(3), INTERVAL ? SECOND) "
            + "AND s.ended_at < COALESCE(c.ended_at, '1970-01-02') AND s.state IN ("
            + placeholders(TERMINAL.size()) + ") AND NOT EXISTS (SELECT 1 FROM reconciler_repairs r "
            + "WHERE r.saga_id = s.saga_id) ORDER BY s.ended_at LIMIT ?",
        (rs, row) -> new Expired(rs.getString(1), SagaTypes.wireType(rs.getString(2), rs.getInt(3))),
        args(properties.ended().toSeconds(), TERMINAL, properties.batchSize()));
  }

  /** The summary rows first: every transaction that changes a saga locks its summary row before anything else. */
  private void delete(List<Expired> expired) {
    String in = "(" + placeholders(expired.size()) + ")";
    Object[] ids = expired.stream().map(Expired::sagaId).toArray();
    jdbc.update("DELETE FROM saga_summary WHERE saga_id IN " + in, ids);
    jdbc.update("DELETE FROM saga_history WHERE saga_id IN " + in, ids);
    jdbc.update("DELETE FROM saga_awaited_replies WHERE saga_id IN " + in, ids);
    jdbc.update("DELETE FROM saga_timers WHERE saga_id IN " + in, ids);
    // Eventuate's tables are keyed by (saga_type, saga_id): reached by their key, never scanned.
    expired.stream().collect(java.util.stream.Collectors.groupingBy(Expired::sagaType)).forEach((type, ofType) -> {
      String inType = "(" + placeholders(ofType.size()) + ")";
      Object[] typeAndIds = java.util.stream.Stream.concat(java.util.stream.Stream.of(type),
          ofType.stream().map(Expired::sagaId)).toArray();
      jdbc.update("DELETE FROM saga_instance_participants WHERE saga_type = ? AND saga_id IN " + inType, typeAndIds);
      jdbc.update("DELETE FROM saga_instance WHERE saga_type = ? AND saga_id IN " + inType, typeAndIds);
    });
  }

  private void deleteInBatches(String sql, long olderThanSeconds) {
    int deleted;
    do {
      deleted = jdbc.update(sql, olderThanSeconds, properties.batchSize());
    } while (deleted == properties.batchSize());
  }

  private static String placeholders(int count) {
    return String.join(",", Collections.nCopies(count, "?"));
  }

  private static Object[] args(long seconds, List<String> states, int limit) {
    Object[] args = new Object[states.size() + 2];
    args[0] = seconds;
    for (int i = 0; i < states.size(); i++) {
      args[i + 1] = states.get(i);
    }
    args[args.length - 1] = limit;
    return args;
  }

  @Override
  protected boolean enabled() {
    return properties.enabled();
  }

  @Override
  protected void runOnce() {
    int deleted = purgeExpired();
    if (deleted > 0) {
      log.info("Saga retention deleted {} ended sagas", deleted);
    }
  }
}
