package io.converge.saga.runtime.reconciliation;

import io.converge.saga.runtime.state.SagaState;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads ended sagas from the runtime's store and hands each saga type's to its {@link SagaInvariants}. Changes
 * nothing. A saga type with no invariants declared is not checked.
 */
@Component
class SagaChecks {

  private static final String COLUMNS = "saga_id, saga_type, business_key, state, reason, ended_at, definition_version";

  private final JdbcTemplate jdbc;
  private final Map<String, SagaInvariants> invariants;

  SagaChecks(JdbcTemplate jdbc, List<SagaInvariants> invariants) {
    this.jdbc = jdbc;
    this.invariants = invariants.stream().collect(Collectors.toMap(SagaInvariants::sagaType, Function.identity()));
  }

  /** Every saga's findings. A saga with no business key has nothing to check. */
  List<Finding> check(List<EndedSaga> sagas) {
    Map<String, List<EndedSaga>> byType = sagas.stream().filter(saga -> saga.businessKey() != null)
        .collect(Collectors.groupingBy(EndedSaga::sagaType, LinkedHashMap::new, Collectors.toList()));
    List<Finding> findings = new ArrayList<>();
    byType.forEach((type, ofType) -> Optional.ofNullable(invariants.get(type))
        .ifPresent(declared -> findings.addAll(declared.check(ofType))));
    return findings;
  }

  /** What participants hold since an instant for business objects that do not exist, for every saga type. */
  List<Finding> orphans(Instant since, int limit) {
    List<Finding> findings = new ArrayList<>();
    invariants.values().forEach(declared -> findings.addAll(declared.orphans(since, limit, this::sagaOf)));
    return findings;
  }

  /**
   * Sagas that ended after the sweep's checkpoint and at least {@code settle} ago, in the order they ended. Times stay
   * in the database (Connector/J drops milliseconds from timestamp parameters when it talks to MariaDB, which would
   * make a position within one second ambiguous).
   */
  List<EndedSaga> endedAfterCheckpoint(String checkpoint, Duration settle, int limit) {
    return jdbc.query("SELECT s.saga_id, s.saga_type, s.business_key, s.state, s.reason, s.ended_at, "
            + "s.definition_version "
            + "FROM saga_summary s JOIN reconciler_checkpoint c ON c.name = ? WHERE s.ended_at IS NOT NULL "
            + "AND s.ended_at <= DATE_SUB(NOW(3), INTERVAL ? MICROSECOND) "
            + "AND (s.ended_at > c.ended_at OR (s.ended_at = c.ended_at AND s.saga_id > c.saga_id)) "
            + "ORDER BY s.ended_at, s.saga_id LIMIT ?", this::endedSaga, checkpoint, settle.toNanos() / 1000, limit);
  }

  /** Sagas that ended within {@code window} but at least {@code settle} ago, newest first. */
  List<EndedSaga> endedWithin(Duration window, Duration settle, int limit) {
    return jdbc.query("SELECT " + COLUMNS + " FROM saga_summary "
            + "WHERE ended_at >= DATE_SUB(NOW(3), INTERVAL ? MICROSECOND) "
            + "AND ended_at <= DATE_SUB(NOW(3), INTERVAL ? MICROSECOND) ORDER BY ended_at DESC LIMIT ?",
        this::endedSaga, window.toNanos() / 1000, settle.toNanos() / 1000, limit);
  }

  /** Sagas not terminal although their deadline passed: flagged already, reported here. */
  List<Finding> runningPastDeadline(int limit) {
    return jdbc.query("SELECT saga_id, business_key, state, COALESCE(past_deadline_reason, attention, '') "
            + "FROM saga_summary WHERE ended_at IS NULL AND deadline_at < NOW(3) AND state <> 'NEEDS_ATTENTION' "
            + "ORDER BY deadline_at LIMIT ?",
        (rs, row) -> Finding.park(rs.getString(1), rs.getString(2), "TERMINAL_BY_DEADLINE",
            "saga is " + rs.getString(3) + " past its deadline " + rs.getString(4)), limit);
  }

  EndedSaga saga(String sagaId) {
    return jdbc.query("SELECT " + COLUMNS + " FROM saga_summary WHERE saga_id = ?", this::endedSaga, sagaId).stream()
        .findFirst().orElse(null);
  }

  private Optional<String> sagaOf(String businessKey) {
    return jdbc.queryForList("SELECT saga_id FROM saga_summary WHERE business_key = ?", String.class, businessKey)
        .stream().findFirst();
  }

  private EndedSaga endedSaga(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    Timestamp ended = rs.getTimestamp(6);
    return new EndedSaga(rs.getString(1), rs.getString(2), rs.getInt(7), rs.getString(3),
        SagaState.valueOf(rs.getString(4)),
        rs.getString(5), ended == null ? null : ended.toInstant());
  }
}
