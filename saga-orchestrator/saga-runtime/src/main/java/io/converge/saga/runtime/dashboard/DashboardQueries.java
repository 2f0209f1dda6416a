package io.converge.saga.runtime.dashboard;

import io.converge.saga.runtime.state.SagaState;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What the dashboard reads, every query bounded: open sagas (few, by the ended_at index), the last hour of ended ones
 * (by the same index), a page of a filtered list (by the type, state or business-key index).
 */
@Repository
class DashboardQueries {

  record Count(String sagaType, String state, long count) {
  }

  record Row(String sagaId, String sagaType, int version, String businessKey, String state, String reason,
             Instant startedAt, Instant endedAt, Instant deadlineAt, String attention, String pastDeadlineReason) {
  }

  /** Time to consistency of the sagas that ended in one five-minute bucket. */
  record Bucket(Instant start, int count, long p50Millis, long p99Millis) {
  }

  record OperatorAction(String action, String operator, String comment, Instant at) {
  }

  private static final String ROW = "saga_id, saga_type, definition_version, business_key, state, reason, started_at, "
      + "ended_at, deadline_at, attention, past_deadline_reason";

  private final JdbcTemplate jdbc;

  DashboardQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<Count> open() {
    return jdbc.query("SELECT saga_type, state, COUNT(*) FROM saga_summary WHERE ended_at IS NULL "
        + "GROUP BY saga_type, state ORDER BY saga_type, state", (rs, row) -> new Count(rs.getString(1),
        rs.getString(2), rs.getLong(3)));
  }

  List<Count> endedInTheLastHour() {
    return jdbc.query("SELECT saga_type, state, COUNT(*) FROM saga_summary "
        + "WHERE ended_at >= DATE_SUB(NOW(3), INTERVAL 1 HOUR) GROUP BY saga_type, state ORDER BY saga_type, state",
        (rs, row) -> new Count(rs.getString(1), rs.getString(2), rs.getLong(3)));
  }

  /** Time to consistency p50/p99 per five minutes over the last hour (from at most 20,000 sagas). */
  List<Bucket> timeToConsistency() {
    Map<Long, List<Long>> byBucket = new TreeMap<>();
    jdbc.query("SELECT FLOOR(UNIX_TIMESTAMP(ended_at) / 300) * 300, "
        + "TIMESTAMPDIFF(MICROSECOND, started_at, ended_at) DIV 1000 FROM saga_summary "
        + "WHERE ended_at >= DATE_SUB(NOW(3), INTERVAL 1 HOUR) LIMIT 20000", rs -> {
          byBucket.computeIfAbsent(rs.getLong(1), bucket -> new ArrayList<>()).add(rs.getLong(2));
        });
    List<Bucket> buckets = new ArrayList<>();
    byBucket.forEach((start, millis) -> {
      millis.sort(Comparator.naturalOrder());
      buckets.add(new Bucket(Instant.ofEpochSecond(start), millis.size(), percentile(millis, 0.50),
          percentile(millis, 0.99)));
    });
    return buckets;
  }

  List<Row> parked(int limit) {
    return jdbc.query("SELECT " + ROW + " FROM saga_summary WHERE state = ? ORDER BY started_at DESC LIMIT ?",
        this::row, SagaState.NEEDS_ATTENTION.name(), limit);
  }

  List<Row> pastDeadline(int limit) {
    return jdbc.query("SELECT " + ROW + " FROM saga_summary WHERE ended_at IS NULL AND deadline_at < NOW(3) "
        + "AND state <> ? ORDER BY deadline_at LIMIT ?", this::row, SagaState.NEEDS_ATTENTION.name(), limit);
  }

  /** Messages this service wrote and its relay has not published yet. */
  long outboxBacklog() {
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM message WHERE published = 0", Long.class);
    return count == null ? 0 : count;
  }

  List<Row> list(SagaFilter filter) {
    StringBuilder where = new StringBuilder("TRUE");
    List<Object> args = new ArrayList<>();
    if (filter.state() != null) {
      where.append(" AND state = ?");
      args.add(filter.state().name());
    }
    if (filter.type() != null) {
      where.append(" AND saga_type = ?");
      args.add(filter.type());
    }
    if (filter.key() != null) {
      where.append(" AND business_key = ?");
      args.add(filter.key());
    }
    if (filter.from() != null) {
      where.append(" AND started_at >= ?");
      args.add(Timestamp.from(filter.from()));
    }
    if (filter.to() != null) {
      where.append(" AND started_at < ?");
      args.add(Timestamp.from(filter.to()));
    }
    args.add(SagaFilter.PAGE_SIZE + 1);
    args.add(filter.page() * SagaFilter.PAGE_SIZE);
    return jdbc.query("SELECT " + ROW + " FROM saga_summary WHERE " + where
        + " ORDER BY started_at DESC, saga_id DESC LIMIT ? OFFSET ?", this::row, args.toArray());
  }

  List<String> sagaTypes() {
    return jdbc.queryForList("SELECT DISTINCT saga_type FROM saga_summary ORDER BY saga_type", String.class);
  }

  List<OperatorAction> operatorActions(String sagaId) {
    return jdbc.query("SELECT action, operator, comment, at FROM saga_operator_actions WHERE saga_id = ? ORDER BY id",
        (rs, row) -> new OperatorAction(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getTimestamp(4).toInstant()), sagaId);
  }

  private Row row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Row(rs.getString("saga_id"), rs.getString("saga_type"), rs.getInt("definition_version"),
        rs.getString("business_key"), rs.getString("state"), rs.getString("reason"),
        instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("ended_at")),
        instant(rs.getTimestamp("deadline_at")), rs.getString("attention"), rs.getString("past_deadline_reason"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static long percentile(List<Long> sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }
}
