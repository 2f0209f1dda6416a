package io.converge.orchestrator.timeouts;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The commands a saga awaits replies to, and its current step's timer. */
@Repository
public class SagaTimers {

  record Timer(String sagaId, int attempt, String commandMessageId, String commandType) {
  }

  record StoredCommand(String destination, String headers, String payload) {
  }

  private final JdbcTemplate jdbc;

  SagaTimers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void awaitReplyTo(String messageId, String sagaId, int attempt) {
    jdbc.update("INSERT INTO saga_awaited_replies (message_id, saga_id, attempt) VALUES (?, ?, ?)", messageId,
        sagaId, attempt);
  }

  record Awaited(String sagaId, long millisSinceSent) {
  }

  /** The saga awaiting a reply to this command message, if one does, and how long ago the command was sent. */
  Optional<Awaited> sagaAwaiting(String commandMessageId) {
    return jdbc.query("SELECT saga_id, TIMESTAMPDIFF(MICROSECOND, sent_at, NOW(3)) DIV 1000 "
            + "FROM saga_awaited_replies WHERE message_id = ? FOR UPDATE",
        (rs, row) -> new Awaited(rs.getString(1), rs.getLong(2)), commandMessageId).stream().findFirst();
  }

  /** The step is answered: no reply to any of its attempts is awaited any more, and its timer is off. */
  void stepAnswered(String sagaId) {
    jdbc.update("DELETE FROM saga_awaited_replies WHERE saga_id = ?", sagaId);
    jdbc.update("DELETE FROM saga_timers WHERE saga_id = ?", sagaId);
  }

  public void arm(String sagaId, long inMillis, int attempt, String commandMessageId, String commandType) {
    jdbc.update("REPLACE INTO saga_timers (saga_id, due_at, attempt, command_message_id, command_type) "
            + "VALUES (?, DATE_ADD(NOW(3), INTERVAL ? MICROSECOND), ?, ?, ?)", sagaId, inMillis * 1000, attempt,
        commandMessageId, commandType);
  }

  void rearm(String sagaId, long inMillis) {
    jdbc.update("UPDATE saga_timers SET due_at = DATE_ADD(NOW(3), INTERVAL ? MICROSECOND) WHERE saga_id = ?",
        inMillis * 1000, sagaId);
  }

  void disarm(String sagaId) {
    jdbc.update("DELETE FROM saga_timers WHERE saga_id = ?", sagaId);
  }

  /** Due timers, locked; a timer another orchestrator instance is firing is skipped, so each fires once. */
  List<Timer> lockDue(int limit) {
    return jdbc.query("SELECT saga_id, attempt, command_message_id, command_type FROM saga_timers "
            + "WHERE due_at <= NOW(3) ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED",
        (rs, row) -> new Timer(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)), limit);
  }

  Optional<Timer> lock(String sagaId) {
    return jdbc.query("SELECT saga_id, attempt, command_message_id, command_type FROM saga_timers "
            + "WHERE saga_id = ? FOR UPDATE",
        (rs, row) -> new Timer(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)), sagaId)
        .stream().findFirst();
  }

  /** The command as it was written to the outbox (kept there for the outbox's retention period). */
  Optional<StoredCommand> storedCommand(String messageId) {
    return jdbc.query("SELECT destination, headers, payload FROM message WHERE id = ?",
        (rs, row) -> new StoredCommand(rs.getString(1), rs.getString(2), rs.getString(3)), messageId)
        .stream().findFirst();
  }
}
