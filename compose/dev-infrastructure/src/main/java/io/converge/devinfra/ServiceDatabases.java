package io.converge.devinfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates a service's own database and its own account, granted on that database only. */
public final class ServiceDatabases {

  private ServiceDatabases() {
  }

  /**
   * Idempotent: an existing database and account are kept, so the dev stack's data survives restarts.
   *
   * @param databaseName e.g. {@code converge_order}; also the account name
   */
  public static ServiceDatabase provision(DatabaseServer server, String databaseName) {
    String password = databaseName + "-pw";
    try (Connection admin = DriverManager.getConnection(server.jdbcUrl(""), server.adminUser(),
        server.adminPassword()); Statement sql = admin.createStatement()) {
      sql.execute("CREATE DATABASE IF NOT EXISTS `" + databaseName + "` CHARACTER SET utf8mb4");
      for (String host : new String[] {"%", "localhost"}) {
        sql.execute("CREATE USER IF NOT EXISTS '" + databaseName + "'@'" + host + "' IDENTIFIED BY '" + password + "'");
        sql.execute("GRANT ALL PRIVILEGES ON `" + databaseName + "`.* TO '" + databaseName + "'@'" + host + "'");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not provision database " + databaseName + " on " + server, e);
    }
    return new ServiceDatabase(databaseName, server.jdbcUrl(databaseName), databaseName, password);
  }

  /**
   * Cuts a service off its database, as a network partition would: its account is locked and its open connections
   * are killed. {@link #reconnect} undoes it.
   */
  public static void disconnect(DatabaseServer server, String databaseName) {
    try (Connection admin = DriverManager.getConnection(server.jdbcUrl(""), server.adminUser(),
        server.adminPassword()); Statement sql = admin.createStatement()) {
      for (String host : new String[] {"%", "localhost"}) {
        sql.execute("ALTER USER '" + databaseName + "'@'" + host + "' ACCOUNT LOCK");
      }
      java.util.List<Long> ids = new java.util.ArrayList<>();
      try (var rows = sql.executeQuery("SELECT id FROM information_schema.processlist WHERE user = '"
          + databaseName + "'")) {
        while (rows.next()) {
          ids.add(rows.getLong(1));
        }
      }
      for (long id : ids) {
        try {
          sql.execute("KILL " + id);
        } catch (SQLException alreadyGone) {
          // the connection ended by itself meanwhile
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not disconnect " + databaseName, e);
    }
  }

  public static void reconnect(DatabaseServer server, String databaseName) {
    try (Connection admin = DriverManager.getConnection(server.jdbcUrl(""), server.adminUser(),
        server.adminPassword()); Statement sql = admin.createStatement()) {
      for (String host : new String[] {"%", "localhost"}) {
        sql.execute("ALTER USER '" + databaseName + "'@'" + host + "' ACCOUNT UNLOCK");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not reconnect " + databaseName, e);
    }
  }

  /** Drops a database and its account: tests clean up after themselves. */
  public static void drop(DatabaseServer server, String databaseName) {
    try (Connection admin = DriverManager.getConnection(server.jdbcUrl(""), server.adminUser(),
        server.adminPassword()); Statement sql = admin.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS `" + databaseName + "`");
      sql.execute("DROP USER IF EXISTS '" + databaseName + "'@'%'");
      sql.execute("DROP USER IF EXISTS '" + databaseName + "'@'localhost'");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not drop database " + databaseName, e);
    }
  }
}
