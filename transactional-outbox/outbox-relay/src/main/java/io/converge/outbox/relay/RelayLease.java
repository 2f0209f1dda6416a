package io.converge.outbox.relay;

import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lease that makes one relay per database the active one. The holder renews it well before it expires; a
 * standby takes it once it has expired, so a dead holder is replaced within the lease's duration plus one renewal
 * interval.
 */
public class RelayLease {

  private static final String NAME = "relay";

  private final JdbcTemplate jdbc;
  private final Duration duration;
  private final String owner = UUID.randomUUID().toString();
  private long validUntilNanos;

  public RelayLease(JdbcTemplate jdbc, Duration duration) {
    this.jdbc = jdbc;
    this.duration = duration;
  }

  /** Whether this instance holds the lease now, renewing or taking it when due. */
  boolean holds() {
    long now = System.nanoTime();
    if (now < validUntilNanos - duration.toNanos() * 2 / 3) {
      return true;
    }
    jdbc.update("INSERT IGNORE INTO outbox_relay_lease (name, owner, expires_at) VALUES (?, ?, NOW(3))", NAME, owner);
    int taken = jdbc.update("UPDATE outbox_relay_lease SET owner = ?, "
            + "expires_at = DATE_ADD(NOW(3), INTERVAL ? MICROSECOND) "
            + "WHERE name = ? AND (owner = ? OR expires_at < NOW(3))", owner, duration.toMillis() * 1000, NAME,
        owner);
    // Counted from before the renewal, so the local view never outlasts the database's.
    validUntilNanos = taken == 1 ? now + duration.toNanos() : 0;
    return taken == 1;
  }

  /** Gives the lease up at once (a clean shutdown), so a standby need not wait for it to expire. */
  void release() {
    if (validUntilNanos != 0) {
      jdbc.update("UPDATE outbox_relay_lease SET expires_at = NOW(3) WHERE name = ? AND owner = ?", NAME, owner);
      validUntilNanos = 0;
    }
  }

  /** How long a standby waits between attempts to take the lease. */
  Duration retryInterval() {
    return duration.dividedBy(3);
  }
}
