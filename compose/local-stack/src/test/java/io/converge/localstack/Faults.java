package io.converge.localstack;

import io.converge.devinfra.ServiceDatabases;
import io.converge.devinfra.SharedInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/** The faults the fault suite and the mixed fault run inject into the test system. */
final class Faults {

  private Faults() {
  }

  /** The service's context closed (as if its process died) and started again on its database and port. */
  static void stopFor(String service, long millis) throws InterruptedException {
    TestSystem.get().stop(service);
    try {
      Thread.sleep(millis);
    } finally {
      TestSystem.get().restart(service);
    }
  }

  /** The broker's process killed with SIGKILL and started again on the same address and logs. */
  static void killBrokerFor(long millis) throws InterruptedException {
    TestSystem.broker().kill();
    try {
      Thread.sleep(millis);
    } finally {
      TestSystem.broker().restart();
    }
  }

  /** The service's database account locked and its connections killed, then unlocked. */
  static void loseDatabaseConnectionFor(String service, long millis) throws InterruptedException {
    String database = TestSystem.get().database(service).name();
    ServiceDatabases.disconnect(SharedInfrastructure.database(), database);
    try {
      Thread.sleep(millis);
    } finally {
      ServiceDatabases.reconnect(SharedInfrastructure.database(), database);
    }
  }

  /**
   * The customer's credit account row held under a lock by another transaction: customer-service's handlers for that customer wait
   * (slower than the step timeout when held longer), then go on.
   */
  static void holdCustomerFor(String customerId, long millis) throws Exception {
    var database = TestSystem.get().database("customer-service");
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
        database.password())) {
      connection.setAutoCommit(false);
      try (PreparedStatement lock = connection.prepareStatement("SELECT customer_id FROM credit_accounts "
          + "WHERE customer_id = ? FOR UPDATE")) {
        lock.setString(1, customerId);
        lock.executeQuery();
      }
      Thread.sleep(millis);
      connection.rollback();
    }
  }
}
