package io.converge.outbox.retention;

import io.converge.outbox.OutboxProperties;
import io.converge.service.scheduling.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes published outbox rows, received-message rows and replayed dead letters older than their retention, in small
 * batches so the clean-up never holds locks the hot path waits on. Eventuate itself never deletes either.
 */
public class OutboxRetention extends PeriodicTask {

  private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

  private final JdbcTemplate jdbcTemplate;
  private final OutboxProperties.Retention settings;

  public OutboxRetention(JdbcTemplate jdbcTemplate, OutboxProperties.Retention settings) {
    super("outbox-retention", settings.interval());
    this.jdbcTemplate = jdbcTemplate;
    this.settings = settings;
  }

  /** Runs one clean-up; returns the rows deleted. */
  public int purgeExpired() {
    long now = System.currentTimeMillis();
    int deleted = deleteInBatches("DELETE FROM message WHERE published = 1 AND creation_time < ? LIMIT ?",
        now - settings.published().toMillis());
    deleted += deleteInBatches("DELETE FROM received_messages WHERE creation_time < ? LIMIT ?",
        now - settings.received().toMillis());
    int replayed;
    do {
      replayed = jdbcTemplate.update("DELETE FROM dead_letters WHERE replayed_at < DATE_SUB(NOW(3), INTERVAL ? SECOND) "
          + "LIMIT ?", settings.replayedDeadLetters().toSeconds(), settings.batchSize());
      deleted += replayed;
    } while (replayed == settings.batchSize());
    return deleted;
  }

  private int deleteInBatches(String sql, long olderThan) {
    int total = 0;
    int deleted;
    do {
      deleted = jdbcTemplate.update(sql, olderThan, settings.batchSize());
      total += deleted;
    } while (deleted == settings.batchSize());
    return total;
  }

  @Override
  protected void runOnce() {
    int deleted = purgeExpired();
    if (deleted > 0) {
      log.info("Outbox retention deleted {} rows", deleted);
    }
  }
}
