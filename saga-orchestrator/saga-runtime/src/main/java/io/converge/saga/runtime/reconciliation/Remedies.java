package io.converge.saga.runtime.reconciliation;

import io.converge.contracts.MessageCatalog;
import io.converge.saga.runtime.state.SagaState;
import io.converge.saga.runtime.state.SagaStore;
import io.converge.saga.runtime.timers.CommandTracker;
import io.eventuate.tram.commands.producer.CommandProducer;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Acts on one saga's findings, in one transaction that locks the saga first: re-sends the safe idempotent repairs (the
 * replies reach the saga's history; a refusal parks it), or parks it with every fact. Each finding is recorded with
 * what was done about it, and counted.
 */
@Component
class Remedies {

  /** Replies to repairs of what no saga owns go here; nothing consumes them. */
  static final String ORPHAN_REPLIES = "converge.reconciler.replies";

  private static final Logger log = LoggerFactory.getLogger(Remedies.class);

  private final JdbcTemplate jdbc;
  private final SagaStore sagas;
  private final CommandProducer commands;
  private final TransactionTemplate transactions;
  private final MeterRegistry registry;
  private final ReconcilerProperties properties;

  Remedies(JdbcTemplate jdbc, SagaStore sagas, CommandProducer commands, TransactionTemplate transactions,
           MeterRegistry registry, ReconcilerProperties properties) {
    this.jdbc = jdbc;
    this.sagas = sagas;
    this.commands = commands;
    this.transactions = transactions;
    this.registry = registry;
    this.properties = properties;
  }

  /**
   * Acts on the findings of one ended saga (all with its id); returns what was done. A saga changed meanwhile (parked
   * or resolved by someone else) is left alone.
   */
  Finding.Action act(EndedSaga saga, List<Finding> findings) {
    String sagaId = saga.sagaId();
    SagaState expectedState = saga.state();
    return transactions.execute(tx -> {
      Optional<SagaState> now = sagas.lock(sagaId);
      if (now.isEmpty() || now.get() != expectedState) {
        return Finding.Action.REPORTED;
      }
      int repairs = jdbc.queryForList("SELECT attempts FROM reconciler_repairs WHERE saga_id = ?", Integer.class,
          sagaId).stream().findFirst().orElse(0);
      boolean park = findings.stream().anyMatch(f -> !f.repairable()) || repairs >= properties.maxRepairs();
      Finding.Action action = park ? Finding.Action.PARKED : Finding.Action.REPAIRED;
      if (park) {
        String facts = findings.stream().map(f -> f.invariant() + ": " + f.detail()).collect(Collectors.joining("; "));
        log.error("Reconciler parks saga {}: {}", sagaId, facts);
        sagas.park(sagaId, "Reconciler: participants contradict the saga's " + expectedState + " (" + facts + ")"
            + (repairs > 0 ? " after " + repairs + " repairs" : ""));
        sagas.record(sagaId, "PARKED", "reconciler", "reconciler", null, null, null);
        jdbc.update("DELETE FROM reconciler_repairs WHERE saga_id = ?", sagaId);
      } else {
        findings.forEach(f -> send(f, Map.of("command_saga_id", sagaId, "command_saga_type", saga.wireType(),
            CommandTracker.UNTRACKED, "true"), saga.wireType() + "-reply"));
        findings.forEach(f -> sagas.record(sagaId, "RECONCILER_REPAIR", "reconciler",
            MessageCatalog.wireNameOf(f.repair().getClass()), null, repairs + 1, null));
        // Checked again once the repair had time to land; under a backlog it may not have: each wait doubles.
        long waitMicros = (properties.settle().toNanos() / 1000) << Math.min(repairs, 10);
        jdbc.update("INSERT INTO reconciler_repairs (saga_id, attempts, next_check_at) "
                + "VALUES (?, 1, DATE_ADD(NOW(3), INTERVAL ? MICROSECOND)) ON DUPLICATE KEY UPDATE "
                + "attempts = attempts + 1, next_check_at = VALUES(next_check_at)", sagaId, waitMicros);
      }
      findings.forEach(f -> recordFinding(f, action));
      return action;
    });
  }

  /** A repair of what no saga owns (held for a business object that does not exist). */
  void repairOrphan(Finding finding) {
    transactions.executeWithoutResult(tx -> {
      send(finding, Map.of(), ORPHAN_REPLIES);
      recordFinding(finding, Finding.Action.REPAIRED);
    });
  }

  /** A saga checked again after a repair agrees with its participants now. */
  void verified(String sagaId) {
    jdbc.update("DELETE FROM reconciler_repairs WHERE saga_id = ?", sagaId);
  }

  /** Sagas whose repair had time to land: to be checked again. */
  List<String> repairsDue(int limit) {
    return jdbc.queryForList("SELECT saga_id FROM reconciler_repairs WHERE next_check_at <= NOW(3) "
        + "ORDER BY next_check_at LIMIT ?", String.class, limit);
  }

  void recordFinding(Finding finding, Finding.Action action) {
    jdbc.update("INSERT INTO reconciler_findings (saga_id, business_key, invariant, detail, action, found_at) "
            + "VALUES (?, ?, ?, ?, ?, NOW(3))", finding.sagaId(), finding.businessKey(), finding.invariant(),
        finding.detail().length() > 2000 ? finding.detail().substring(0, 2000) : finding.detail(), action.name());
    registry.counter("converge.reconciler.findings", "invariant", finding.invariant(), "action", action.name())
        .increment();
  }

  private void send(Finding finding, Map<String, String> headers, String replyTo) {
    commands.send(finding.target(), finding.repair(), replyTo, headers);
  }
}
