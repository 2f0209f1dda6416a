package io.converge.saga.runtime.state;

import io.converge.contracts.saga.SagaEvent;
import io.converge.outbox.events.DomainEventOutbox;
import io.converge.saga.runtime.definition.SagaTypes;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Our summary and step history of each saga, written in the transactions that change the saga. Times come from the
 * database ({@code NOW(3)}): Connector/J drops milliseconds from timestamp parameters when it talks to MariaDB. Each
 * start and change of state is also published as a {@link SagaEvent}, through the outbox, in the same transaction.
 */
@Repository
public class SagaStore implements SagaLifecycle {

  private final JdbcTemplate jdbc;
  private final SagaCompletionNotifier notifier;
  private final SagaMetrics metrics;
  private final ApplicationEventPublisher events;
  /**
   * Resolved on first use: the outbox sends through Eventuate's message producer, whose interceptors include our
   * {@link SagaHistoryInterceptor}, which writes through this store.
   */
  private final ObjectProvider<DomainEventOutbox> published;
  private final HistoryRows history;

  SagaStore(JdbcTemplate jdbc, SagaCompletionNotifier notifier, SagaMetrics metrics, ApplicationEventPublisher events,
            ObjectProvider<DomainEventOutbox> published, HistoryRows history) {
    this.jdbc = jdbc;
    this.history = history;
    this.notifier = notifier;
    this.metrics = metrics;
    this.events = events;
    this.published = published;
  }

  @Override
  public void started(String sagaId, String sagaType, int version, String businessKey, Duration deadline) {
    jdbc.update("INSERT INTO saga_summary (saga_id, saga_type, definition_version, business_key, state, started_at, "
            + "deadline_at) VALUES (?, ?, ?, ?, ?, NOW(3), DATE_ADD(NOW(3), INTERVAL ? MICROSECOND))",
        sagaId, sagaType, version, businessKey, SagaState.RUNNING.name(), deadline.toMillis() * 1000);
    long now = System.currentTimeMillis();
    published.getObject().publish(SagaEvent.CHANNEL, new SagaEvent.Started(sagaId, 1, sagaType, version, businessKey,
        now + deadline.toMillis(), now));
  }

  /** An operator brought the saga's deadline forward to now (to compensate it now). */
  public void deadlineNow(String sagaId) {
    jdbc.update("UPDATE saga_summary SET deadline_at = LEAST(deadline_at, NOW(3)) WHERE saga_id = ?", sagaId);
  }

  /** A step that waits for a person adds its wait to the saga's deadline: the saga is bound by both. */
  public void extendDeadline(String sagaId, Duration by) {
    jdbc.update("UPDATE saga_summary SET deadline_at = DATE_ADD(deadline_at, INTERVAL ? MICROSECOND) "
        + "WHERE saga_id = ?", by.toMillis() * 1000, sagaId);
  }

  @Override
  public void completed(String sagaId, String reason) {
    end(sagaId, SagaState.COMPLETED, reason);
  }

  @Override
  public void compensated(String sagaId, String reason) {
    end(sagaId, SagaState.COMPENSATED, reason);
  }

  @Override
  public void failed(String sagaId) {
    end(sagaId, SagaState.FAILED, "COMPENSATION_FAILED");
  }

  /** A failure reply while running starts compensation. */
  void compensating(String sagaId) {
    if (jdbc.update("UPDATE saga_summary SET state = ?, version = version + 1 WHERE saga_id = ? AND state = ?",
        SagaState.COMPENSATING.name(), sagaId, SagaState.RUNNING.name()) == 1) {
      publishChange(sagaId);
    }
  }

  /** Adds a step to the saga's history, in the caller's transaction ({@link HistoryRows}). */
  public void record(String sagaId, String kind, String participant, String messageType, String outcome,
                     Integer attempt, String messageId) {
    history.add(sagaId, kind, participant, messageType, outcome, attempt, messageId);
  }

  public Optional<SagaState> state(String sagaId) {
    return jdbc.queryForList("SELECT state FROM saga_summary WHERE saga_id = ?", String.class, sagaId).stream()
        .findFirst().map(SagaState::valueOf);
  }

  /**
   * Locks the saga for the rest of the transaction and returns its state. Every transaction that changes a saga takes
   * this lock first (reply handling, timers, operators, the reconciler), so two of them never wait on each other's
   * rows in opposite orders: that is what keeps the timer and correlation tables free of deadlocks.
   */
  public Optional<SagaState> lock(String sagaId) {
    return jdbc.queryForList("SELECT state FROM saga_summary WHERE saga_id = ? FOR UPDATE", String.class, sagaId)
        .stream().findFirst().map(SagaState::valueOf);
  }

  /** As {@link #lock}, but empty at once when another transaction holds the saga (it is being changed right now). */
  public Optional<SagaState> lockUnlessBusy(String sagaId) {
    return jdbc.queryForList("SELECT state FROM saga_summary WHERE saga_id = ? FOR UPDATE SKIP LOCKED", String.class,
        sagaId).stream().findFirst().map(SagaState::valueOf);
  }

  /**
   * Flags a saga whose deadline passed while a step it may not undo (the pivot or after) is still unanswered; the
   * first reason is kept. Returns whether this call flagged it.
   */
  public boolean flagPastDeadline(String sagaId, String reason) {
    return jdbc.update("UPDATE saga_summary SET past_deadline_reason = ? WHERE saga_id = ? "
        + "AND past_deadline_reason IS NULL", reason, sagaId) == 1;
  }

  /** What a saga is, on which version of its definition, and the key of the business object it drives. */
  public record Identity(String sagaType, int version, String businessKey) {

    /** The type its messages carry, {@link SagaTypes#wireType}. */
    public String wireType() {
      return SagaTypes.wireType(sagaType, version);
    }
  }

  public Identity identity(String sagaId) {
    return jdbc.queryForObject("SELECT saga_type, definition_version, business_key FROM saga_summary "
        + "WHERE saga_id = ?", (rs, row) -> new Identity(rs.getString(1), rs.getInt(2), rs.getString(3)), sagaId);
  }

  public boolean pastDeadline(String sagaId) {
    return Boolean.TRUE.equals(jdbc.queryForObject("SELECT deadline_at < NOW(3) FROM saga_summary WHERE saga_id = ?",
        Boolean.class, sagaId));
  }

  /**
   * An operator must look at the saga: a compensation went unconfirmed after its attempts, a participant refused one,
   * or the reconciler found a participant contradicting the saga. The saga stops claiming its outcome.
   */
  public void park(String sagaId, String attention) {
    jdbc.update("UPDATE saga_summary SET state = ?, attention = ?, reason = COALESCE(reason, 'NEEDS_ATTENTION'), "
        + "version = version + 1 WHERE saga_id = ?", SagaState.NEEDS_ATTENTION.name(), truncate(attention, 2000),
        sagaId);
    publishChange(sagaId);
    afterCommit(() -> events.publishEvent(new SagaEnded(sagaId, SagaState.NEEDS_ATTENTION)));
  }

  /** An operator resumes a parked saga's compensation: it gets its attempts anew. */
  public void resumeCompensating(String sagaId) {
    jdbc.update("UPDATE saga_summary SET state = ?, attention = NULL, version = version + 1 WHERE saga_id = ?",
        SagaState.COMPENSATING.name(), sagaId);
    publishChange(sagaId);
  }

  /** An operator marked a parked saga resolved: it ends (if it had not ended before it was parked). */
  public void resolved(String sagaId) {
    jdbc.update("UPDATE saga_summary SET state = ?, reason = 'RESOLVED_BY_OPERATOR', "
        + "ended_at = COALESCE(ended_at, NOW(3)), version = version + 1 WHERE saga_id = ?", SagaState.RESOLVED.name(),
        sagaId);
    publishChange(sagaId);
  }

  /** Whether the saga had ended (it was parked after its end, by the reconciler or a late refusal). */
  public boolean endedBefore(String sagaId) {
    return Boolean.TRUE.equals(jdbc.queryForObject("SELECT ended_at IS NOT NULL FROM saga_summary WHERE saga_id = ?",
        Boolean.class, sagaId));
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /** Those of these sagas that are no longer running: ended, or parked for a person. */
  public Set<String> notRunning(Collection<String> sagaIds) {
    if (sagaIds.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(jdbc.queryForList("SELECT saga_id FROM saga_summary WHERE saga_id IN ("
        + String.join(",", Collections.nCopies(sagaIds.size(), "?")) + ") AND (ended_at IS NOT NULL OR state = ?)",
        String.class, concat(sagaIds, SagaState.NEEDS_ATTENTION.name())));
  }

  private static Object[] concat(Collection<String> values, String last) {
    List<Object> all = new ArrayList<>(values);
    all.add(last);
    return all.toArray();
  }

  /** {@code converge.inventory.commands} → {@code inventory-service}. */
  public static String participantOf(String channel) {
    String[] parts = channel.split("\\.");
    return parts.length == 3 && parts[0].equals("converge") ? parts[1] + "-service" : channel;
  }

  public Optional<SagaView> find(String sagaId) {
    List<SagaView.Step> history = jdbc.query("SELECT kind, participant, message_type, outcome, attempt, at "
            + "FROM saga_history WHERE saga_id = ? ORDER BY id", (rs, row) -> new SagaView.Step(rs.getString(1),
            rs.getString(2), rs.getString(3), rs.getString(4), (Integer) rs.getObject(5),
            rs.getTimestamp(6).toInstant()), sagaId);
    return jdbc.query("SELECT * FROM saga_summary WHERE saga_id = ?", (rs, row) -> {
      Timestamp ended = rs.getTimestamp("ended_at");
      return new SagaView(rs.getString("saga_id"), rs.getString("saga_type"), rs.getInt("definition_version"),
          rs.getString("business_key"),
          SagaState.valueOf(rs.getString("state")), rs.getString("reason"), rs.getTimestamp("started_at").toInstant(),
          ended == null ? null : ended.toInstant(), rs.getTimestamp("deadline_at").toInstant(),
          rs.getString("attention"), rs.getString("past_deadline_reason"), history);
    }, sagaId).stream().findFirst();
  }

  private void end(String sagaId, SagaState state, String reason) {
    jdbc.update("UPDATE saga_summary SET state = ?, reason = ?, ended_at = NOW(3), version = version + 1 "
        + "WHERE saga_id = ?", state.name(), reason, sagaId);
    Ending ending = publishChange(sagaId);
    metrics.ended(state, ending.millis(), ending.late());
    // Waiters learn of the end only once it is committed, so what they read back is the end.
    afterCommit(() -> {
      notifier.ended(sagaId);
      events.publishEvent(new SagaEnded(sagaId, state));
    });
  }

  /** How long an ended saga took, and whether it ended after its deadline (0 and false while it runs). */
  private record Ending(long millis, boolean late) {
  }

  /**
   * Publishes the saga's state as this transaction leaves it; the same read says how long it took if it ended (what
   * the time-to-consistency metric needs: one round trip for both).
   */
  private Ending publishChange(String sagaId) {
    return jdbc.queryForObject("SELECT version, business_key, state, IF(state = 'NEEDS_ATTENTION', attention, reason), "
        + "COALESCE(TIMESTAMPDIFF(MICROSECOND, started_at, ended_at) DIV 1000, 0), "
        + "COALESCE(ended_at > deadline_at, FALSE) FROM saga_summary WHERE saga_id = ?", (rs, row) -> {
          published.getObject().publish(SagaEvent.CHANNEL, new SagaEvent.StateChanged(sagaId, rs.getLong(1),
              rs.getString(2), rs.getString(3), rs.getString(4), System.currentTimeMillis()));
          return new Ending(rs.getLong(5), rs.getBoolean(6));
        }, sagaId);
  }

  private static void afterCommit(Runnable action) {
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        action.run();
      }
    });
  }
}
