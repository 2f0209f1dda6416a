package io.converge.devinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds a PostgreSQL server, in this order: an explicit one from {@code CONVERGE_PG_HOST}/{@code CONVERGE_PG_PORT}/
 * {@code CONVERGE_PG_USER}/{@code CONVERGE_PG_PASSWORD}; the one on 127.0.0.1:5432 if it answers (user postgres);
 * else an embedded PostgreSQL (zonky's binaries from Maven Central).
 */
public final class PostgresServers {

  private static final Logger log = LoggerFactory.getLogger(PostgresServers.class);

  private PostgresServers() {
  }

  /** @param embeddedDataDir where an embedded PostgreSQL keeps its data, or null for a throw-away directory */
  public static PostgresServer find(Path embeddedDataDir) {
    String explicitHost = System.getenv("CONVERGE_PG_HOST");
    if (explicitHost != null) {
      return new PostgresServer(explicitHost, Integer.parseInt(env("CONVERGE_PG_PORT", "5432")),
          env("CONVERGE_PG_USER", "postgres"), env("CONVERGE_PG_PASSWORD", ""), "explicit");
    }
    if (DatabaseServers.answers("127.0.0.1", 5432)) {
      return new PostgresServer("127.0.0.1", 5432, env("CONVERGE_PG_USER", "postgres"),
          env("CONVERGE_PG_PASSWORD", ""), "local PostgreSQL on 5432");
    }
    return startEmbedded(embeddedDataDir);
  }

  private static PostgresServer startEmbedded(Path dataDir) {
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(DatabaseServers.freePort());
      if (dataDir != null) {
        Files.createDirectories(dataDir);
        builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
      }
      EmbeddedPostgres postgres = builder.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          postgres.close();
        } catch (IOException e) {
          log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.toString());
        }
      }));
      return new PostgresServer("127.0.0.1", postgres.getPort(), "postgres", "", "embedded PostgreSQL (zonky)");
    } catch (IOException e) {
      throw new IllegalStateException("Could not start an embedded PostgreSQL", e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
