package io.converge.saga.runtime.timers;

import io.converge.saga.runtime.state.SagaState;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The commands a saga awaits replies to, and its current step's timer. Callers hold the saga's lock
 * ({@code SagaStore.lock}); every statement here reaches rows by their saga's key, never a range shared with other
 * sagas, so under READ COMMITTED two sagas never lock each other's rows.
 */
@Repository
public class SagaTimers {

  /** @param millisSinceSent since the command it guards was sent (this attempt) */
  record Timer(String sagaId, int attempt, String commandMessageId, String commandType, long millisSinceSent) {
  }

  /**
   * A command as it was written to the outbox (kept there for the outbox's retention period).
   *
   * @param published whether the relay has moved it to Kafka yet
   */
  record StoredCommand(String destination, String headers, String payload, boolean published) {
  }

  /**
   * A saga locked to handle a reply.
   *
   * @param millisSinceSent since the command replied to was sent, when the saga awaits a reply to it (empty: it does
   *                        not, the reply is late or repeated)
   */
  record LockedForReply(SagaState state, Optional<Long> millisSinceSent) {
  }

  private final JdbcTemplate jdbc;

  SagaTimers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void awaitReplyTo(String messageId, String sagaId, int attempt) {
    jdbc.update("INSERT INTO saga_awaited_replies (message_id, saga_id, attempt) VALUES (?, ?, ?)", messageId,
        sagaId, attempt);
  }

  /**
   * Takes the saga's lock ({@link io.converge.saga.runtime.state.SagaStore#lock}) and, in the same round trip, looks
   * up whether it awaits a reply to {@code commandMessageId}; empty when there is no such saga.
   */
  Optional<LockedForReply> lockForReply(String sagaId, String commandMessageId) {
    return jdbc.query("SELECT s.state, TIMESTAMPDIFF(MICROSECOND, a.sent_at, NOW(3)) DIV 1000 FROM saga_summary s "
            + "LEFT JOIN saga_awaited_replies a ON a.message_id = ? AND a.saga_id = s.saga_id "
            + "WHERE s.saga_id = ? FOR UPDATE",
        (rs, row) -> new LockedForReply(SagaState.valueOf(rs.getString(1)),
            Optional.ofNullable((Long) rs.getObject(2, Long.class))), commandMessageId, sagaId).stream().findFirst();
  }

  /**
   * The step is answered: no reply to any of its attempts is awaited any more, and its timer is off (one statement
   * for both tables).
   */
  void stepAnswered(String sagaId) {
    jdbc.update("DELETE a, t FROM saga_summary s LEFT JOIN saga_awaited_replies a ON a.saga_id = s.saga_id "
        + "LEFT JOIN saga_timers t ON t.saga_id = s.saga_id WHERE s.saga_id = ?", sagaId);
  }

  public void arm(String sagaId, long inMillis, int attempt, String commandMessageId, String commandType) {
    jdbc.update("INSERT INTO saga_timers (saga_id, due_at, armed_at, attempt, command_message_id, command_type) "
            + "VALUES (?, DATE_ADD(NOW(3), INTERVAL ? MICROSECOND), NOW(3), ?, ?, ?) ON DUPLICATE KEY UPDATE "
            + "due_at = VALUES(due_at), armed_at = VALUES(armed_at), attempt = VALUES(attempt), "
            + "command_message_id = VALUES(command_message_id), command_type = VALUES(command_type)",
        sagaId, inMillis * 1000, attempt, commandMessageId, commandType);
  }

  /** The saga's timer falls due now: the scheduler fires it on its next scan. */
  public void dueNow(String sagaId) {
    rearm(sagaId, 0);
  }

  void rearm(String sagaId, long inMillis) {
    jdbc.update("UPDATE saga_timers SET due_at = DATE_ADD(NOW(3), INTERVAL ? MICROSECOND) WHERE saga_id = ?",
        inMillis * 1000, sagaId);
  }

  void disarm(String sagaId) {
    jdbc.update("DELETE FROM saga_timers WHERE saga_id = ?", sagaId);
  }

  /** Sagas whose timer is due, oldest first; read without locking: each is locked and checked again to fire it. */
  List<String> due(int limit) {
    return jdbc.queryForList("SELECT saga_id FROM saga_timers WHERE due_at <= NOW(3) ORDER BY due_at LIMIT ?",
        String.class, limit);
  }

  /** The saga's timer if it is (still) due; the caller holds the saga's lock. */
  Optional<Timer> dueTimer(String sagaId) {
    return jdbc.query("SELECT saga_id, attempt, command_message_id, command_type, "
            + "TIMESTAMPDIFF(MICROSECOND, armed_at, NOW(3)) DIV 1000 FROM saga_timers "
            + "WHERE saga_id = ? AND due_at <= NOW(3)",
        (rs, row) -> new Timer(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getLong(5)),
        sagaId).stream().findFirst();
  }

  /** The command the saga's current step awaits a reply to, if it awaits one. */
  public Optional<String> currentCommandType(String sagaId) {
    return jdbc.queryForList("SELECT command_type FROM saga_timers WHERE saga_id = ?", String.class, sagaId).stream()
        .findFirst();
  }

  Optional<StoredCommand> storedCommand(String messageId) {
    return jdbc.query("SELECT destination, headers, payload, published FROM message WHERE id = ?",
        (rs, row) -> new StoredCommand(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4) != 0),
        messageId).stream().findFirst();
  }
}
