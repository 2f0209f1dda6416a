package io.converge.orchestrator.reconciler;

import io.converge.orchestrator.history.SagaState;
import io.converge.orchestrator.reconciler.ParticipantReads.Held;
import io.converge.orchestrator.reconciler.ParticipantReads.Holding;
import io.converge.orchestrator.reconciler.ParticipantReads.Observed;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads sagas from our store and what the participants hold, and finds where they disagree. Changes nothing. */
@Component
class SagaChecks {

  /** A saga as the reconciler sees it: how it ended, and when. */
  record EndedSaga(String sagaId, String orderId, SagaState state, String reason, Instant endedAt) {
  }

  private final JdbcTemplate jdbc;
  private final ParticipantReads participants;

  SagaChecks(JdbcTemplate jdbc, ParticipantReads participants) {
    this.jdbc = jdbc;
    this.participants = participants;
  }

  /** Every saga's findings, read in batches from the participants. A saga with no business key has none to check. */
  List<Finding> check(List<EndedSaga> sagas) {
    List<EndedSaga> keyed = sagas.stream().filter(saga -> saga.orderId() != null).toList();
    List<Finding> findings = new ArrayList<>();
    Map<String, Observed> held = participants.observe(keyed.stream().map(EndedSaga::orderId).distinct().toList());
    for (EndedSaga saga : keyed) {
      findings.addAll(PlaceOrderInvariants.check(saga.sagaId(), saga.orderId(), saga.state(), saga.reason(),
          held.getOrDefault(saga.orderId(), ParticipantReads.NOTHING)));
    }
    return findings;
  }

  /** Stock, credit or payments held since an instant for orders that order-service does not have. */
  List<Finding> orphans(Instant since, int limit) {
    List<Finding> findings = new ArrayList<>();
    for (Holding holding : Holding.values()) {
      List<Held> held = participants.heldSince(holding, since, limit);
      Set<String> orderIds = new LinkedHashSet<>();
      held.forEach(h -> orderIds.add(h.orderId()));
      Map<String, String> orders = participants.orderStates(List.copyOf(orderIds));
      for (String orderId : orderIds) {
        if (!orders.containsKey(orderId)) {
          findings.add(PlaceOrderInvariants.orphan(sagaOf(orderId), orderId, holding));
        }
      }
    }
    return findings;
  }

  /**
   * Sagas that ended after the sweep's checkpoint and at least {@code settle} ago, in the order they ended. Times stay
   * in the database (Connector/J drops milliseconds from timestamp parameters when it talks to MariaDB, which would
   * make a position within one second ambiguous).
   */
  List<EndedSaga> endedAfterCheckpoint(String checkpoint, java.time.Duration settle, int limit) {
    return jdbc.query("SELECT s.saga_id, s.order_id, s.state, s.reason, s.ended_at FROM saga_summary s "
            + "JOIN reconciler_checkpoint c ON c.name = ? WHERE s.ended_at IS NOT NULL "
            + "AND s.ended_at <= DATE_SUB(NOW(3), INTERVAL ? MICROSECOND) "
            + "AND (s.ended_at > c.ended_at OR (s.ended_at = c.ended_at AND s.saga_id > c.saga_id)) "
            + "ORDER BY s.ended_at, s.saga_id LIMIT ?", this::endedSaga, checkpoint, settle.toNanos() / 1000, limit);
  }

  /** Sagas that ended within {@code window} but at least {@code settle} ago, newest first. */
  List<EndedSaga> endedWithin(java.time.Duration window, java.time.Duration settle, int limit) {
    return jdbc.query("SELECT saga_id, order_id, state, reason, ended_at FROM saga_summary "
            + "WHERE ended_at >= DATE_SUB(NOW(3), INTERVAL ? MICROSECOND) "
            + "AND ended_at <= DATE_SUB(NOW(3), INTERVAL ? MICROSECOND) ORDER BY ended_at DESC LIMIT ?",
        this::endedSaga, window.toNanos() / 1000, settle.toNanos() / 1000, limit);
  }

  /** Sagas not terminal although their deadline passed: flagged already, reported here. */
  List<Finding> runningPastDeadline(int limit) {
    return jdbc.query("SELECT saga_id, order_id, state, COALESCE(past_deadline_reason, attention, '') "
            + "FROM saga_summary WHERE ended_at IS NULL AND deadline_at < NOW(3) AND state <> 'NEEDS_ATTENTION' "
            + "ORDER BY deadline_at LIMIT ?",
        (rs, row) -> Finding.park(rs.getString(1), rs.getString(2), "TERMINAL_BY_DEADLINE",
            "saga is " + rs.getString(3) + " past its deadline " + rs.getString(4)), limit);
  }

  EndedSaga saga(String sagaId) {
    return jdbc.query("SELECT saga_id, order_id, state, reason, ended_at FROM saga_summary WHERE saga_id = ?",
        this::endedSaga, sagaId).stream().findFirst().orElse(null);
  }

  private String sagaOf(String orderId) {
    return jdbc.queryForList("SELECT saga_id FROM saga_summary WHERE order_id = ?", String.class, orderId).stream()
        .findFirst().orElse(null);
  }

  private EndedSaga endedSaga(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    Timestamp ended = rs.getTimestamp(5);
    return new EndedSaga(rs.getString(1), rs.getString(2), SagaState.valueOf(rs.getString(3)), rs.getString(4),
        ended == null ? null : ended.toInstant());
  }
}
