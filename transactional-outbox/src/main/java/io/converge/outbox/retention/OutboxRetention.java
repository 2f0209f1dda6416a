package io.converge.outbox.retention;

import io.converge.outbox.OutboxProperties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes published outbox rows and received-message rows older than their retention, in small batches so the
 * clean-up never holds locks the hot path waits on. Eventuate itself never deletes either.
 */
public class OutboxRetention implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

  private final JdbcTemplate jdbcTemplate;
  private final OutboxProperties.Retention settings;
  private ScheduledExecutorService scheduler;

  public OutboxRetention(JdbcTemplate jdbcTemplate, OutboxProperties.Retention settings) {
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
  public void start() {
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "outbox-retention");
      thread.setDaemon(true);
      return thread;
    });
    long interval = settings.interval().toMillis();
    scheduler.scheduleWithFixedDelay(this::purgeQuietly, interval, interval, TimeUnit.MILLISECONDS);
  }

  private void purgeQuietly() {
    try {
      int deleted = purgeExpired();
      if (deleted > 0) {
        log.info("Outbox retention deleted {} rows", deleted);
      }
    } catch (RuntimeException e) {
      log.warn("Outbox retention failed; will try again: {}", e.toString());
    }
  }

  @Override
  public void stop() {
    scheduler.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return scheduler != null && !scheduler.isShutdown();
  }
}
