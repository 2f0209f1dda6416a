package io.converge.orderhistory.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The read model's versions, each in a schema of its own ({@code model_<version>}): the live one that queries read and
 * the projection keeps current, and, during a rebuild, one being built beside it. The first start makes version 1.
 */
@Component
public class ReadModels {

  /** How long a query may read the version it saw live: another instance may have switched meanwhile. */
  private static final long CACHED_NANOS = 1_000_000_000L;

  private final JdbcTemplate jdbc;
  private volatile Live live;

  private record Live(String schema, long readAtNanos) {
  }

  ReadModels(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The schema queries read now (as of at most a second ago). */
  public String liveSchema() {
    Live seen = live;
    if (seen == null || System.nanoTime() - seen.readAtNanos() > CACHED_NANOS) {
      seen = new Live(jdbc.queryForObject("SELECT schema_name FROM models WHERE state = 'LIVE'", String.class),
          System.nanoTime());
      live = seen;
    }
    return seen.schema();
  }

  /**
   * The live schema, for a write in the caller's transaction: its row is share-locked until the transaction ends, so
   * a switch waits for the write, and a write after a switch goes to the new version. No event lands in a version
   * that was retired before it committed.
   */
  public String liveSchemaForWrite() {
    // A write that waited for a switch finds the row it waited on retired; the next statement sees the new live one.
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<String> live = jdbc.queryForList("SELECT schema_name FROM models WHERE state = 'LIVE' FOR SHARE",
          String.class).stream().findFirst();
      if (live.isPresent()) {
        return live.get();
      }
    }
    throw new IllegalStateException("No read model version is live");
  }

  /**
   * Stops every instance's projection until the caller's transaction ends, waiting at most {@code wait} for the
   * writes in flight. A table lock, not the live row's: a row lock request does not stop new share locks from
   * overtaking it, and under steady load it could wait forever; a table lock request queues the writes that come after
   * it ({@link #liveSchemaForWrite} takes a row share lock on the table). Plain reads (queries) pass.
   */
  public void holdLive(Duration wait) {
    jdbc.execute("SET LOCAL lock_timeout = " + wait.toMillis());
    jdbc.execute("LOCK TABLE models IN EXCLUSIVE MODE");
    jdbc.execute("SET LOCAL lock_timeout = 0");
  }

  /**
   * Creates the next version's empty tables beside the live one, in state BUILDING, after dropping the versions a
   * switch retired or a rebuild left failed; returns its version.
   *
   * @throws IllegalStateException when a version is being built already
   */
  @Transactional
  public int createNext() {
    jdbc.execute("LOCK TABLE models IN EXCLUSIVE MODE");
    // A rebuild whose process died beats no more: its version is given up.
    jdbc.update("UPDATE models SET state = 'FAILED' WHERE state = 'BUILDING' AND heartbeat_at < now() - "
        + "interval '1 minute'");
    if (!jdbc.queryForList("SELECT version FROM models WHERE state = 'BUILDING'", Integer.class).isEmpty()) {
      throw new IllegalStateException("A rebuild is running already");
    }
    for (String old : jdbc.queryForList("SELECT schema_name FROM models WHERE state IN ('RETIRED', 'FAILED')",
        String.class)) {
      jdbc.execute("DROP SCHEMA IF EXISTS " + old + " CASCADE");
    }
    jdbc.update("DELETE FROM models WHERE state IN ('RETIRED', 'FAILED')");
    int version = jdbc.queryForObject("SELECT COALESCE(MAX(version), 0) + 1 FROM models", Integer.class);
    create(version);
    return version;
  }

  /** A statement on one version's tables: {@code {m}} stands for its schema. */
  public static String sql(String schema, String statement) {
    return statement.replace("{m}", schema);
  }

  public static String schemaOf(int version) {
    return "model_" + version;
  }

  /** Makes the version live in one update: from the next statement on, queries and the projection use it. */
  @Transactional
  public void switchTo(int version) {
    jdbc.update("UPDATE models SET state = 'RETIRED' WHERE state = 'LIVE'");
    jdbc.update("UPDATE models SET state = 'LIVE', switched_at = now() WHERE version = ?", version);
    // Queries read the new version once it is committed, not before (its last rows are not visible until then).
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        live = new Live(schemaOf(version), System.nanoTime());
      }
    });
  }

  /** A running rebuild says it is alive (every few seconds). */
  public void beat(int version) {
    jdbc.update("UPDATE models SET heartbeat_at = now() WHERE version = ?", version);
  }

  /** A rebuild that did not finish: its schema goes, the live version stays. */
  public void fail(int version) {
    jdbc.execute("DROP SCHEMA IF EXISTS " + schemaOf(version) + " CASCADE");
    jdbc.update("UPDATE models SET state = 'FAILED' WHERE version = ? AND state = 'BUILDING'", version);
  }

  /**
   * Makes version 1 live when no version is (the first start); several instances starting at once make it once. A
   * live version made by an older release gains the tables added since.
   */
  @Transactional
  public void ensureOneIsLive() {
    jdbc.execute("LOCK TABLE models IN EXCLUSIVE MODE");
    Optional<String> live = jdbc.queryForList("SELECT schema_name FROM models WHERE state = 'LIVE'", String.class)
        .stream().findFirst();
    if (live.isEmpty()) {
      create(1);
      jdbc.update("UPDATE models SET state = 'LIVE', switched_at = now() WHERE version = 1");
    } else {
      jdbc.execute(template().replace("${schema}", live.get()));
    }
  }

  /** Creates version {@code version}'s empty tables, in state BUILDING; returns its schema. */
  String create(int version) {
    String schema = schemaOf(version);
    jdbc.execute(template().replace("${schema}", schema));
    jdbc.update("INSERT INTO models (version, schema_name, state) VALUES (?, ?, 'BUILDING')", version, schema);
    return schema;
  }

  private static String template() {
    try (InputStream sql = new ClassPathResource("model/model.sql").getInputStream()) {
      return new String(sql.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("The read model's tables (model/model.sql) are missing", e);
    }
  }
}
