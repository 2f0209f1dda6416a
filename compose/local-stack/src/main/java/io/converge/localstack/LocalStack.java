package io.converge.localstack;

import io.converge.devinfra.DatabaseServer;
import io.converge.devinfra.DatabaseServers;
import io.converge.devinfra.KafkaBrokers;
import io.converge.devinfra.PostgresServer;
import io.converge.devinfra.PostgresServers;
import io.converge.localstack.bench.LoadGenerator;
import io.converge.localstack.bench.ProfileBuckets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs the whole system on this machine, no Docker: a database server (an explicit one, the MariaDB on
 * 127.0.0.1:3306, or an embedded MariaDB), a PostgreSQL (the one on 127.0.0.1:5432, or an embedded one), an in-JVM
 * Kafka broker, and the six services, seeded with demo data.
 */
public final class LocalStack {

  private LocalStack() {
  }

  /**
   * No arguments: run the system. {@code bench [key=value...]}: drive load against a running one. {@code profile
   * <file.jfr>}: where a Flight Recorder recording of it spent the CPU.
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 1 && args[0].equals("profile")) {
      ProfileBuckets.main(new String[] {args[1]});
      return;
    }
    if (args.length > 0 && args[0].equals("bench")) {
      Map<String, String> options = new java.util.HashMap<>();
      for (int i = 1; i < args.length; i++) {
        String[] pair = args[i].replaceFirst("^--", "").split("=", 2);
        options.put(pair[0], pair.length > 1 ? pair[1] : "");
      }
      LoadGenerator.run(options);
      System.exit(0);
    }
    long started = System.nanoTime();
    DatabaseServer database = DatabaseServers.find(false,
        Path.of(System.getProperty("user.home"), ".converge", "mariadb"));
    PostgresServer postgres = PostgresServers.find(Path.of(System.getProperty("user.home"), ".converge", "postgres"));
    String kafka = KafkaBrokers.find(false);
    Credentials credentials = Credentials.generate();
    RunningSystem system = RunningSystem.start(database, postgres, kafka, "converge", true, credentials.properties());
    Runtime.getRuntime().addShutdownHook(new Thread(system::close));
    DemoData.seed(system);
    System.out.println(banner(system, database, postgres, kafka, credentials,
        (System.nanoTime() - started) / 1_000_000_000.0));
    Thread.currentThread().join();
  }

  private static String banner(RunningSystem system, DatabaseServer database, PostgresServer postgres, String kafka,
                               Credentials credentials, double seconds) {
    String orchestrator = system.url("saga-orchestrator");
    String orderHistory = system.context("order-history-service") == null ? "(not started)"
        : system.url("order-history-service");
    return """

        ==================================================================================
         Converge is running (started in %.1f s)
           saga-orchestrator  %s   (POST /api/orders, GET /api/sagas/{id}?wait=5s)
           order-service      %s   (GET /api/orders/{id})
           inventory-service  %s   (GET|POST /api/products/{sku})
           customer-service   %s   (GET|POST /api/customers/{id})
           payment-service    %s   (GET /api/payments?orderId=)
           order-history      %s   (GET /api/order-history/{orderId}, GET /api/customers/{id}/orders; viewer token)
           database           %s:%d (%s), one database and user per service
           read models        %s:%d (%s), the order history's database
           kafka              %s (in-JVM KRaft unless CONVERGE_KAFKA_BOOTSTRAP is set)
           actuator           each service's port + 1000 (9080-9085): /actuator/health, /actuator/prometheus
         Demo data: customers alice (limit 20000), bob (limit 50); products widget, gadget, rare-gem (1 on hand),
           diamond-ring (7500: an order of one waits for a risk review, GET|POST %s/api/reviews)
         Dashboard: %s/ui   log in as operator / %s, or viewer / %s
         API tokens (made for this run; set converge.security.* for your own):
           operator token  %s   (-H 'Authorization: Bearer <token>': retry, resolve, replay, checks)
           viewer token    %s   (reads /api/sagas, /api/consistency, /api/dead-letters)
           for the README's examples, in another shell:  export OP=%s VIEW=%s

         An approved order:
           curl -s -i -X POST %s/api/orders -H 'Content-Type: application/json' \\
             -d '{"customerId":"alice","lines":[{"sku":"widget","quantity":2}],"paymentMethod":"card"}'
           curl -s '%s/api/sagas/<sagaId>?wait=5s'
           curl -s -H 'Authorization: Bearer <viewer token>' '%s/api/order-history/<orderId>?minVersion=2'
         A rejected order (payment declined: stock and credit are released again):
           curl -s -X POST %s/api/orders -H 'Content-Type: application/json' \\
             -d '{"customerId":"alice","lines":[{"sku":"gadget","quantity":1}],"paymentMethod":"card-declined"}'
         Stop with Ctrl-C.
        ==================================================================================
        """.formatted(seconds, orchestrator, system.url("order-service"), system.url("inventory-service"),
        system.url("customer-service"), system.url("payment-service"), orderHistory,
        database.host(), database.port(), database.kind(), postgres.host(), postgres.port(), postgres.kind(), kafka, system.url("payment-service"), orchestrator, credentials.operatorPassword(),
        credentials.viewerPassword(), credentials.operatorToken(),
        credentials.viewerToken(), credentials.operatorToken(), credentials.viewerToken(), orchestrator, orchestrator,
        orderHistory, orchestrator);
  }
}
