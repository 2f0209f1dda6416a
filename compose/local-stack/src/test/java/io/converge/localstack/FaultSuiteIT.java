package io.converge.localstack;

import static io.converge.localstack.TestSystem.newCustomer;
import static io.converge.localstack.TestSystem.newProduct;
import static io.converge.localstack.TestSystem.order;
import static io.converge.localstack.TestSystem.place;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.converge.contracts.customer.CustomerChannels;
import io.converge.contracts.inventory.InventoryChannels;
import io.converge.contracts.order.OrderChannels;
import io.converge.contracts.payment.PaymentChannels;
import io.converge.devinfra.KafkaWireClient;
import io.converge.devinfra.ServiceDatabases;
import io.converge.devinfra.SharedInfrastructure;
import io.converge.devinfra.WireMessage;
import io.converge.orchestrator.placeorder.PlaceOrderSaga;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Faults injected while sagas are in flight; per scenario it counts sagas started, lost (not terminal), terminal after
 * their deadline, double effects, reconciler violations and dead letters, and holds each to zero (dead letters only
 * where garbage was sent). The table lands in target/fault-suite.md; docs/reliability.md has the measured figures.
 */
@Order(Integer.MAX_VALUE)
class FaultSuiteIT {

  private static final int SAGAS = 30;
  private static final List<String> lastViolations = Collections.synchronizedList(new ArrayList<>());
  private static final List<String> ROWS = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void startSystem() {
    TestSystem.get();
  }

  @Test
  void aParticipantStoppedMidSagaThenRestartedWithinItsStepTimeout() throws Exception {
    run("participant stopped mid-saga, back within the step timeout", false, scenario -> {
      TestSystem.get().stop("customer-service");
      Thread.sleep(800);
      TestSystem.get().restart("customer-service");
    });
  }

  @Test
  void aParticipantStoppedLongerThanItsStepTimeout() throws Exception {
    run("participant stopped longer than the step timeout (retries, late replies)", false, scenario -> {
      TestSystem.get().stop("inventory-service");
      Thread.sleep(5_000);
      TestSystem.get().restart("inventory-service");
    });
  }

  @Test
  void aParticipantSlowerThanItsStepTimeout() throws Exception {
    List<String> sagaIds = new ArrayList<>();
    run("participant slower than the step timeout: customer-service's handler held 4 s on a row lock (late replies)",
        false, scenario -> {
          sagaIds.addAll(scenario.sagaIds());
          var database = TestSystem.get().database("customer-service");
          try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(),
              database.password())) {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement(
                "SELECT id FROM customers WHERE id = ? FOR UPDATE")) {
              lock.setString(1, scenario.customer());
              lock.executeQuery();
            }
            Thread.sleep(4_000);
            connection.rollback();
          }
        });
    assertThat(historyCount(sagaIds, "kind = 'REPLY_DROPPED'")).as("late replies recorded and dropped").isPositive();
  }

  @Test
  void twoOrchestratorInstancesFireEachTimerOnce() throws Exception {
    List<String> sagaIds = new ArrayList<>();
    try (ConfigurableApplicationContext second = TestSystem.get().startAnotherInstance("saga-orchestrator")) {
      run("two orchestrator instances, inventory-service stopped longer than the step timeout", false, scenario -> {
        sagaIds.addAll(scenario.sagaIds());
        TestSystem.get().stop("inventory-service");
        Thread.sleep(5_000);
        TestSystem.get().restart("inventory-service");
      });
    }
    long fired = historyCount(sagaIds, "(kind = 'COMMAND_SENT' AND attempt > 1) OR kind = 'STEP_TIMED_OUT'");
    long firedTwice = TestSystem.jdbc("saga-orchestrator").queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM "
        + "saga_history WHERE saga_id IN (" + placeholders(sagaIds) + ") AND kind IN ('COMMAND_SENT', "
        + "'STEP_TIMED_OUT') GROUP BY saga_id, kind, message_type, attempt HAVING COUNT(*) > 1) twice", Long.class,
        sagaIds.toArray());
    System.out.println("Two orchestrator instances: " + fired + " timer firings, " + firedTwice + " fired twice");
    assertThat(fired).as("timers fired").isPositive();
    assertThat(firedTwice).as("a step resent or timed out twice for one attempt").isZero();
  }

  @Test
  void theOrchestratorStoppedMidSagaThenRestarted() throws Exception {
    run("orchestrator stopped mid-saga, then restarted", false, scenario -> {
      TestSystem.get().stop("saga-orchestrator");
      Thread.sleep(2_000);
      TestSystem.get().restart("saga-orchestrator");
    });
  }

  @Test
  void theKafkaBrokerKilledMidSagaThenRestarted() throws Exception {
    run("Kafka broker killed (SIGKILL) mid-saga, restarted 3 s later", false, scenario -> {
      TestSystem.broker().kill();
      Thread.sleep(3_000);
      TestSystem.broker().restart();
    });
  }

  @Test
  void oneServicesDatabaseConnectionLostForSomeSeconds() throws Exception {
    run("customer-service's database connection lost for 4 s", false, scenario -> {
      String database = TestSystem.get().database("customer-service").name();
      ServiceDatabases.disconnect(SharedInfrastructure.database(), database);
      try {
        Thread.sleep(4_000);
      } finally {
        ServiceDatabases.reconnect(SharedInfrastructure.database(), database);
      }
    });
  }

  @Test
  void aParticipantProcessKilledWithSigkillMidSagaThenRestarted() throws Exception {
    try (ServiceProcess payment = ServiceProcess.replace("payment-service")) {
      run("payment-service process killed (SIGKILL) mid-saga, then restarted", false, scenario -> {
        payment.kill();
        payment.start();
      });
    }
    awaitHealthy();
  }

  @Test
  void theOrchestratorProcessKilledWithSigkillMidSagaThenRestarted() throws Exception {
    try (ServiceProcess orchestrator = ServiceProcess.replace("saga-orchestrator")) {
      run("orchestrator process killed (SIGKILL) mid-saga, then restarted", false, scenario -> {
        orchestrator.kill();
        orchestrator.start();
      });
    }
    awaitHealthy();
  }

  @Test
  void theOrchestratorsRelayKilledBetweenPublishAndMarkUnderLoad() throws Exception {
    Path armFile = Path.of("target", "halt-relay-" + System.nanoTime());
    try (ServiceProcess orchestrator = ServiceProcess.replace("saga-orchestrator",
        "-Dconverge.outbox.relay.producer[interceptor.classes]=" + HaltOnArmedAcknowledgement.class.getName(),
        "-Dconverge.outbox.relay.producer[" + HaltOnArmedAcknowledgement.ARM_FILE + "]=" + armFile.toAbsolutePath())) {
      Scenario[] killed = new Scenario[1];
      run("orchestrator's relay killed between publish and mark, under load", false, scenario -> {
        Files.createFile(armFile);
        assertThat(orchestrator.awaitExit(Duration.ofSeconds(30))).as("relay halted on an acknowledgement").isTrue();
        Files.delete(armFile);
        orchestrator.start();
        killed[0] = scenario;
      });
      long publishedAgain = publishedAgain(killed[0]);
      System.out.println("Relay killed between publish and mark: " + publishedAgain + " records published again");
      assertThat(publishedAgain).as("records of the unmarked batch published again").isPositive();
    }
    awaitHealthy();
  }

  @Test
  void everyRecordDeliveredTwiceAndOutOfOrderAcrossKeys() throws Exception {
    run("records delivered twice, in reverse order across keys", false, scenario -> {
      awaitTerminal(scenario.sagaIds());
      try (KafkaWireClient wire = new KafkaWireClient(TestSystem.get().kafkaBootstrap())) {
        for (String topic : List.of(InventoryChannels.COMMANDS, CustomerChannels.COMMANDS, PaymentChannels.COMMANDS,
            PlaceOrderSaga.TYPE + "-reply")) {
          List<WireMessage> ours = new ArrayList<>(wire.await(topic, m -> scenario.mentions(m), Integer.MAX_VALUE,
              Duration.ofSeconds(3)));
          Collections.reverse(ours);
          ours.forEach(wire::redeliver);
        }
      }
      Thread.sleep(3_000);
    });
  }

  @Test
  void poisonRecordsOnACommandAndAReplyChannel() throws Exception {
    run("poison records on a command channel and a reply channel", true, scenario -> {
      try (KafkaWireClient wire = new KafkaWireClient(TestSystem.get().kafkaBootstrap())) {
        for (int partition = 0; partition < 4; partition++) {
          wire.sendRaw(PaymentChannels.COMMANDS, partition, "garbage");
          wire.sendRaw(PlaceOrderSaga.TYPE + "-reply", partition, "{\"not\": \"a message\"}");
        }
      }
    });
  }

  @AfterAll
  static void writeTable() throws IOException {
    List<String> table = new ArrayList<>();
    table.add("| scenario | sagas started | in flight when the fault hit | lost (not terminal) "
        + "| terminal after deadline | double effects | reconciler violations at end | dead letters |");
    table.add("|---|---|---|---|---|---|---|---|");
    table.addAll(ROWS);
    String text = String.join("\n", table);
    System.out.println("\nFault suite\n" + text + "\n");
    Files.writeString(Path.of("target/fault-suite.md"), text + "\n");
  }

  private interface Fault {
    void inject(Scenario scenario) throws Exception;
  }

  private record Scenario(String customer, String sku, List<String> sagaIds, Set<String> orderIds) {
    boolean mentions(WireMessage message) {
      return orderIds.stream().anyMatch(message.payload()::contains)
          || sagaIds.contains(message.header("commandreply_saga_id"));
    }
  }

  private void run(String name, boolean garbageSent, Fault fault) throws Exception {
    String customer = newCustomer("1000000.00");
    String sku = newProduct("1.00", 1_000_000);
    long deadLettersBefore = deadLetters();
    List<CompletableFuture<JsonNode>> placing = new ArrayList<>();
    for (int i = 0; i < SAGAS; i++) {
      String method = i % 5 == 0 ? "card-declined" : "card";
      placing.add(CompletableFuture.supplyAsync(() -> place(order(customer, sku, 1, method))));
    }
    List<JsonNode> accepted = placing.stream().map(CompletableFuture::join).toList();
    Scenario scenario = new Scenario(customer, sku, accepted.stream().map(a -> a.get("sagaId").asText()).toList(),
        accepted.stream().map(a -> a.get("orderId").asText()).collect(Collectors.toSet()));

    long inFlight = TestSystem.jdbc("saga-orchestrator").queryForObject("SELECT COUNT(*) FROM saga_summary WHERE "
        + "saga_id IN (" + placeholders(scenario.sagaIds()) + ") AND ended_at IS NULL", Long.class,
        scenario.sagaIds().toArray());
    fault.inject(scenario);

    List<JsonNode> outcomes = awaitTerminal(scenario.sagaIds());
    long lost = outcomes.stream().filter(s -> !Set.of("COMPLETED", "COMPENSATED").contains(s.get("state").asText()))
        .count();
    long late = TestSystem.jdbc("saga-orchestrator").queryForObject("SELECT COUNT(*) FROM saga_summary WHERE "
        + "saga_id IN (" + placeholders(scenario.sagaIds()) + ") AND (ended_at IS NULL OR ended_at > deadline_at)",
        Long.class, scenario.sagaIds().toArray());
    // Participants that were down may still be handling late commands: count once the system has settled.
    long violations = settledViolations(scenario);
    long doubles = doubleEffects(scenario);
    long deadLetters = deadLetters() - deadLettersBefore;
    ROWS.add(String.format("| %s | %d | %d | %d | %d | %d | %d | %d |", name, scenario.sagaIds().size(), inFlight,
        lost, late, doubles, violations, deadLetters));

    awaitHealthy();
    assertThat(lost).as("lost").isZero();
    assertThat(late).as("past deadline").isZero();
    assertThat(doubles).as("double effects").isZero();
    assertThat(violations).as("reconciler violations: %s", lastViolations).isZero();
    if (!garbageSent) {
      assertThat(deadLetters).as("dead letters").isZero();
    }
  }

  /** After a fault, the system must complete a fresh saga again before the next scenario starts. */
  private static void awaitHealthy() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode saga = TestSystem.awaitSaga(place(order(newCustomer("10.00"), newProduct("1.00", 1), 1, "card"))
          .get("sagaId").asText());
      if (saga.get("state").asText().equals("COMPLETED")) {
        return;
      }
      Thread.sleep(1_000);
    }
    throw new AssertionError("The system did not recover from the fault within 90 s");
  }

  private static List<JsonNode> awaitTerminal(List<String> sagaIds) {
    return sagaIds.stream().map(id -> {
      JsonNode saga = TestSystem.awaitSaga(id);
      for (int i = 0; i < 4 && !saga.get("state").asText().startsWith("COMP"); i++) {
        saga = TestSystem.awaitSaga(id);
      }
      return saga;
    }).toList();
  }

  /** A participant's running totals against its per-order rows: any effect applied twice shows as a difference. */
  private static long doubleEffects(Scenario scenario) {
    long credit = TestSystem.jdbc("customer-service").queryForObject("SELECT COUNT(*) FROM customers c WHERE c.id = ? "
        + "AND c.reserved <> (SELECT COALESCE(SUM(amount), 0) FROM credit_reservations r "
        + "WHERE r.customer_id = c.id AND r.status = 'RESERVED')", Long.class, scenario.customer());
    long stock = TestSystem.jdbc("inventory-service").queryForObject("SELECT COUNT(*) FROM products p WHERE p.sku = ? "
        + "AND p.reserved <> (SELECT COALESCE(SUM(l.quantity), 0) FROM stock_reservation_lines l "
        + "JOIN stock_reservations r ON r.order_id = l.order_id WHERE l.sku = p.sku AND r.status = 'RESERVED')",
        Long.class, scenario.sku());
    long approvedOrders = TestSystem.jdbc("order-service").queryForObject("SELECT COUNT(*) FROM orders WHERE "
        + "state = 'APPROVED' AND id IN (" + placeholders(scenario.orderIds()) + ")", Long.class,
        scenario.orderIds().toArray());
    long authorized = TestSystem.jdbc("payment-service").queryForObject("SELECT COUNT(*) FROM payments WHERE "
        + "status = 'AUTHORIZED' AND order_id IN (" + placeholders(scenario.orderIds()) + ")", Long.class,
        scenario.orderIds().toArray());
    return credit + stock + Math.abs(approvedOrders - authorized);
  }

  /** Violations once the system has settled: participants that were down may still be catching up. */
  private static long settledViolations(Scenario scenario) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    long violations = violations(scenario);
    while (violations > 0 && System.nanoTime() < deadline) {
      Thread.sleep(1_000);
      violations = violations(scenario);
    }
    return violations;
  }

  private static long historyCount(List<String> sagaIds, String condition) {
    return TestSystem.jdbc("saga-orchestrator").queryForObject("SELECT COUNT(*) FROM saga_history WHERE saga_id IN ("
        + placeholders(sagaIds) + ") AND (" + condition + ")", Long.class, sagaIds.toArray());
  }

  /** Command records of the scenario that reached the broker more than once under the same message id. */
  private static long publishedAgain(Scenario scenario) {
    try (KafkaWireClient wire = new KafkaWireClient(TestSystem.get().kafkaBootstrap())) {
      long again = 0;
      for (String topic : List.of(OrderChannels.COMMANDS, InventoryChannels.COMMANDS, CustomerChannels.COMMANDS,
          PaymentChannels.COMMANDS)) {
        List<WireMessage> ours = wire.await(topic, scenario::mentions, Integer.MAX_VALUE, Duration.ofSeconds(3));
        again += ours.size() - ours.stream().map(m -> m.header("ID")).distinct().count();
      }
      return again;
    }
  }

  private static long violations(Scenario scenario) {
    JsonNode report = TestSystem.http("saga-orchestrator").post().uri("/api/consistency/check").retrieve()
        .body(JsonNode.class);
    long count = 0;
    lastViolations.clear();
    for (JsonNode violation : report.get("violations")) {
      if (scenario.sagaIds().contains(violation.get("sagaId").asText())) {
        count++;
        lastViolations.add(violation.get("invariant").asText() + ": " + violation.get("detail").asText());
      }
    }
    return count;
  }

  private static long deadLetters() {
    long total = 0;
    for (RunningSystem.Service service : RunningSystem.SERVICES) {
      total += TestSystem.jdbc(service.name()).queryForObject("SELECT COUNT(*) FROM dead_letters", Long.class);
    }
    return total;
  }

  private static String placeholders(java.util.Collection<?> values) {
    return String.join(",", Collections.nCopies(values.size(), "?"));
  }
}
