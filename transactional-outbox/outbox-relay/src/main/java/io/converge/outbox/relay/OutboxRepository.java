package io.converge.outbox.relay;

import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads and marks rows of the service's own outbox (Eventuate's {@code message} table). */
public class OutboxRepository {

  private final JdbcTemplate jdbcTemplate;

  public OutboxRepository(JdbcTemplate jdbcTemplate) {
    this.jdbcTemplate = jdbcTemplate;
  }

  /** Oldest first: ids grow with creation time, and the (published, id) index serves this query. */
  public List<OutboxMessage> findUnpublished(int limit) {
    return jdbcTemplate.query(
        "SELECT id, destination, headers, payload, creation_time FROM message WHERE published = 0 ORDER BY id LIMIT ?",
        (rs, row) -> new OutboxMessage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getLong(5)),
        limit);
  }

  public void markPublished(List<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    String placeholders = String.join(",", Collections.nCopies(ids.size(), "?"));
    jdbcTemplate.update("UPDATE message SET published = 1 WHERE id IN (" + placeholders + ")", ids.toArray());
  }

  public long countUnpublished() {
    Long count = jdbcTemplate.queryForObject("SELECT COUNT(*) FROM message WHERE published = 0", Long.class);
    return count == null ? 0 : count;
  }
}
