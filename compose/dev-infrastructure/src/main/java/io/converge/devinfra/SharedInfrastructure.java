package io.converge.devinfra;

import java.util.UUID;

/**
 * One database server and one Kafka broker per JVM, started on first use: a test suite starts them once, not once per
 * test class.
 */
public final class SharedInfrastructure {

  private static DatabaseServer database;
  private static PostgresServer postgres;
  private static String kafkaBootstrap;

  private SharedInfrastructure() {
  }

  public static synchronized DatabaseServer database() {
    if (database == null) {
      database = DatabaseServers.find(true, null);
    }
    return database;
  }

  public static synchronized PostgresServer postgres() {
    if (postgres == null) {
      postgres = PostgresServers.find(null);
    }
    return postgres;
  }

  public static synchronized String kafka() {
    if (kafkaBootstrap == null) {
      kafkaBootstrap = KafkaBrokers.find(true);
    }
    return kafkaBootstrap;
  }

  /** A fresh database for one test class, so classes never see each other's rows. */
  public static ServiceDatabase freshDatabase(String prefix) {
    String name = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    return ServiceDatabases.provision(database(), name);
  }

  /** A fresh PostgreSQL database for one test class. */
  public static ServiceDatabase freshPostgresDatabase(String prefix) {
    return postgres().provision(prefix + "_" + UUID.randomUUID().toString().substring(0, 8));
  }
}
