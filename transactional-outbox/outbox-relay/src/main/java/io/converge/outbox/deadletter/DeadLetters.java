package io.converge.outbox.deadletter;

import io.converge.service.web.ConflictException;
import io.converge.service.web.NotFoundException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/** The service's dead letters: stored, listed, and replayed through the service's own outbox. */
public class DeadLetters {

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

  private final JdbcTemplate jdbc;

  public DeadLetters(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores a dead letter; where the record sits in Kafka comes from the {@link ConsumedRecord} being handled. */
  public void store(String subscriberId, String channel, String messageId, String headers, String payload,
                    Throwable error) {
    String reason = String.valueOf(error);
    Optional<ConsumedRecord> record = ConsumedRecord.current();
    log.error("Dead letter for {} on {} (message {}, record {}): {}", subscriberId, channel, messageId,
        record.map(Object::toString).orElse("unknown"), reason);
    jdbc.update("INSERT INTO dead_letters (subscriber_id, channel, kafka_partition, kafka_offset, message_id, headers,"
            + " payload, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", subscriberId,
        record.map(ConsumedRecord::topic).orElse(channel), record.map(ConsumedRecord::partition).orElse(null),
        record.map(ConsumedRecord::offset).orElse(null), messageId, headers, payload == null ? "" : payload,
        reason.length() > 4000 ? reason.substring(0, 4000) : reason);
  }

  public List<DeadLetter> list(int limit) {
    return jdbc.query("SELECT * FROM dead_letters ORDER BY id DESC LIMIT ?", DeadLetters::deadLetter, limit);
  }

  private static DeadLetter deadLetter(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new DeadLetter(rs.getLong("id"), rs.getString("subscriber_id"), rs.getString("channel"),
        rs.getObject("kafka_partition", Integer.class), rs.getObject("kafka_offset", Long.class),
        rs.getString("message_id"), rs.getString("headers"), rs.getString("payload"), rs.getString("error"),
        rs.getTimestamp("created_at").toInstant(), toInstant(rs.getTimestamp("replayed_at")),
        rs.getString("replayed_by"));
  }

  public long count() {
    Long count = jdbc.queryForObject("SELECT COUNT(*) FROM dead_letters WHERE replayed_at IS NULL", Long.class);
    return count == null ? 0 : count;
  }

  /**
   * Publishes the message again, under its own id, through this service's outbox: its consumers see it once more
   * (any that handled it already drop it as a duplicate). A record that was never a message cannot be replayed.
   */
  @Transactional
  public void replay(long id, String operator) {
    // Locked, so that two operators replaying at once replay it once.
    DeadLetter letter = jdbc.query("SELECT id FROM dead_letters WHERE id = ? FOR UPDATE", (rs, row) -> id, id).stream()
        .findFirst().flatMap(this::find).orElseThrow(() -> new NotFoundException("No dead letter " + id));
    if (letter.replayedAt() != null) {
      throw new ConflictException("Dead letter " + id + " was replayed already, at " + letter.replayedAt()
          + "; a replay happens once");
    }
    if (letter.messageId() == null || letter.channel() == null) {
      throw new ConflictException("Dead letter " + id + " is not a message (unparseable record); it cannot be"
          + " replayed, only inspected");
    }
    jdbc.update("INSERT INTO message (id, destination, headers, payload, published, creation_time) "
            + "VALUES (?, ?, ?, ?, 0, ROUND(UNIX_TIMESTAMP(NOW(3)) * 1000)) "
            + "ON DUPLICATE KEY UPDATE published = 0",
        letter.messageId(), letter.channel(), letter.headers(), letter.payload());
    jdbc.update("UPDATE dead_letters SET replayed_at = NOW(3), replayed_by = ? WHERE id = ?", operator, id);
  }

  private Optional<DeadLetter> find(long id) {
    return jdbc.query("SELECT * FROM dead_letters WHERE id = ?", DeadLetters::deadLetter, id).stream().findFirst();
  }

  private static java.time.Instant toInstant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
