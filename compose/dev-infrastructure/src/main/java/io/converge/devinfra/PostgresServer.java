package io.converge.devinfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL server and an account allowed to create databases and roles on it, for the services that keep their
 * data there (polyglot persistence: the read models).
 */
public record PostgresServer(String host, int port, String adminUser, String adminPassword, String kind) {

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /**
   * The service's own database and role (named alike), granted nothing else. Idempotent: what exists is kept, so the
   * dev stack's data survives restarts.
   */
  public ServiceDatabase provision(String databaseName) {
    String password = databaseName + "-pw";
    try (Connection admin = admin(); Statement sql = admin.createStatement()) {
      try (var role = sql.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + databaseName + "'")) {
        if (!role.next()) {
          sql.execute("CREATE ROLE " + databaseName + " LOGIN PASSWORD '" + password + "'");
        }
      }
      try (var database = sql.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + databaseName + "'")) {
        if (!database.next()) {
          sql.execute("CREATE DATABASE " + databaseName + " OWNER " + databaseName);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not provision database " + databaseName + " on " + this, e);
    }
    return new ServiceDatabase(databaseName, jdbcUrl(databaseName), databaseName, password);
  }

  /** Drops a database and its role, its open sessions too: tests clean up after themselves. */
  public void drop(String databaseName) {
    try (Connection admin = admin(); Statement sql = admin.createStatement()) {
      sql.execute("DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE)");
      sql.execute("DROP ROLE IF EXISTS " + databaseName);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not drop database " + databaseName, e);
    }
  }

  private Connection admin() throws SQLException {
    return DriverManager.getConnection(jdbcUrl("postgres"), adminUser, adminPassword);
  }
}
