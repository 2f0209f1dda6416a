package io.converge.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.converge.contracts.customer.CustomerChannels;
import io.converge.contracts.inventory.InventoryChannels;
import io.converge.contracts.order.OrderChannels;
import io.converge.contracts.payment.PaymentChannels;
import io.converge.devinfra.KafkaWireClient;
import io.converge.devinfra.WireMessage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * Faults injected while sagas are in flight; per scenario it counts sagas started, lost (not terminal), terminal after
 * their deadline, double effects, reconciler violations and dead letters, and holds each to zero (dead letters only
 * where garbage was sent). The table lands in target/fault-suite.md; docs/reliability.md has the measured figures.
 */
@Order(Integer.MAX_VALUE)
class FaultSuiteIT {

  private static final int SAGAS = 30;
  private static final List<String> ROWS = Collections.synchronizedList(new ArrayList<>());

  @BeforeAll
  static void startSystem() {
    TestSystem.get();
  }

  @Test
  void aParticipantStoppedMidSagaThenRestartedWithinItsStepTimeout() throws Exception {
    run("participant stopped mid-saga, back within the step timeout", false,
        scenario -> Faults.stopFor("customer-service", 800));
  }

  @Test
  void aParticipantStoppedLongerThanItsStepTimeout() throws Exception {
    run("participant stopped longer than the step timeout (retries, late replies)", false,
        scenario -> Faults.stopFor("inventory-service", 5_000));
  }

  @Test
  void aParticipantSlowerThanItsStepTimeout() throws Exception {
    SagaBatch[] slowed = new SagaBatch[1];
    run("participant slower than the step timeout: customer-service's handler held 4 s on a row lock (late replies)",
        false, scenario -> {
          slowed[0] = scenario;
          Faults.holdCustomerFor(scenario.customer(), 4_000);
        });
    assertThat(slowed[0].historyCount("kind = 'REPLY_DROPPED'")).as("late replies recorded and dropped").isPositive();
  }

  @Test
  void twoOrchestratorInstancesFireEachTimerOnce() throws Exception {
    SagaBatch[] batch = new SagaBatch[1];
    try (ConfigurableApplicationContext second = TestSystem.get().startAnotherInstance("saga-orchestrator")) {
      run("two orchestrator instances, inventory-service stopped longer than the step timeout", false, scenario -> {
        batch[0] = scenario;
        Faults.stopFor("inventory-service", 5_000);
      });
    }
    List<String> sagaIds = batch[0].sagaIds();
    long fired = batch[0].historyCount("(kind = 'COMMAND_SENT' AND attempt > 1) OR kind = 'STEP_TIMED_OUT'");
    long firedTwice = TestSystem.jdbc("saga-orchestrator").queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM "
        + "saga_history WHERE saga_id IN (" + SagaBatch.placeholders(sagaIds) + ") AND kind IN ('COMMAND_SENT', "
        + "'STEP_TIMED_OUT') GROUP BY saga_id, kind, message_type, attempt HAVING COUNT(*) > 1) twice", Long.class,
        sagaIds.toArray());
    System.out.println("Two orchestrator instances: " + fired + " timer firings, " + firedTwice + " fired twice");
    assertThat(fired).as("timers fired").isPositive();
    assertThat(firedTwice).as("a step resent or timed out twice for one attempt").isZero();
  }

  /**
   * Scale-out: a second orchestrator and a second inventory-service run beside the first ones, on the same databases
   * and consumer groups. Orders keep coming through the second orchestrator while the first of each is stopped for
   * 4 s: the second ones take the partitions and the relay leases, and the sagas keep ending meanwhile.
   */
  @Test
  void twoInstancesOfTheOrchestratorAndOfAParticipantAndTheFirstOfEachStopped() throws Exception {
    long[] whileStopped = new long[2];
    try (ConfigurableApplicationContext orchestrator = TestSystem.get().startAnotherInstance("saga-orchestrator");
         ConfigurableApplicationContext inventory = TestSystem.get().startAnotherInstance("inventory-service")) {
      RestClient second = TestSystem.http(URI.create("http://localhost:"
          + ((WebServerApplicationContext) orchestrator).getWebServer().getPort()));
      run("two instances of the orchestrator and of inventory-service; the first of each stopped for 4 s while "
          + "orders come in", false, scenario -> {
            AtomicBoolean placing = new AtomicBoolean(true);
            Thread orders = new Thread(() -> {
              for (int i = SAGAS; placing.get(); i++) {
                scenario.placeOne(second, i);
                try {
                  Thread.sleep(50);
                } catch (InterruptedException e) {
                  return;
                }
              }
            }, "orders-through-the-second-orchestrator");
            orders.start();
            try {
              Thread.sleep(500);
              Timestamp stoppedAt = now();
              TestSystem.get().stop("saga-orchestrator");
              TestSystem.get().stop("inventory-service");
              try {
                Thread.sleep(4_000);
              } finally {
                Timestamp restartedAt = now();
                whileStopped[0] = countSagas(scenario, "started_at BETWEEN ? AND ?", stoppedAt, restartedAt);
                whileStopped[1] = countSagas(scenario, "ended_at BETWEEN ? AND ?", stoppedAt, restartedAt);
                TestSystem.get().restart("saga-orchestrator");
                TestSystem.get().restart("inventory-service");
              }
            } finally {
              placing.set(false);
              orders.join();
            }
          });
    }
    System.out.println("Scale-out: while the first instances were stopped, " + whileStopped[0] + " sagas started and "
        + whileStopped[1] + " ended");
    assertThat(whileStopped[0]).as("sagas started through the second orchestrator alone").isPositive();
    assertThat(whileStopped[1]).as("sagas ended by the second instances alone").isPositive();
  }

  private static Timestamp now() {
    return TestSystem.jdbc("saga-orchestrator").queryForObject("SELECT NOW(3)", Timestamp.class);
  }

  private static long countSagas(SagaBatch scenario, String condition, Object... arguments) {
    List<String> ids = List.copyOf(scenario.sagaIds());
    List<Object> all = new ArrayList<>(ids);
    all.addAll(List.of(arguments));
    return TestSystem.jdbc("saga-orchestrator").queryForObject("SELECT COUNT(*) FROM saga_summary WHERE saga_id IN ("
        + SagaBatch.placeholders(ids) + ") AND " + condition, Long.class, all.toArray());
  }

  @Test
  void theOrchestratorStoppedMidSagaThenRestarted() throws Exception {
    run("orchestrator stopped mid-saga, then restarted", false, scenario -> Faults.stopFor("saga-orchestrator", 2_000));
  }

  @Test
  void theKafkaBrokerKilledMidSagaThenRestarted() throws Exception {
    run("Kafka broker killed (SIGKILL) mid-saga, restarted 3 s later", false, scenario -> Faults.killBrokerFor(3_000));
  }

  @Test
  void oneServicesDatabaseConnectionLostForSomeSeconds() throws Exception {
    run("customer-service's database connection lost for 4 s", false,
        scenario -> Faults.loseDatabaseConnectionFor("customer-service", 4_000));
  }

  @Test
  void aParticipantProcessKilledWithSigkillMidSagaThenRestarted() throws Exception {
    killedWithSigkillMidSagaThenRestarted("payment-service");
  }

  @Test
  void theOrchestratorProcessKilledWithSigkillMidSagaThenRestarted() throws Exception {
    killedWithSigkillMidSagaThenRestarted("saga-orchestrator");
  }

  private void killedWithSigkillMidSagaThenRestarted(String service) throws Exception {
    try (ServiceProcess process = ServiceProcess.replace(service)) {
      run(service + " process killed (SIGKILL) mid-saga, then restarted", false, scenario -> {
        process.kill();
        process.start();
      });
    }
    SagaBatch.awaitHealthy();
  }

  @Test
  void theOrchestratorsRelayKilledBetweenPublishAndMarkUnderLoad() throws Exception {
    Path armFile = Path.of("target", "halt-relay-" + System.nanoTime());
    try (ServiceProcess orchestrator = ServiceProcess.replace("saga-orchestrator",
        "-Dconverge.outbox.relay.producer[interceptor.classes]=" + HaltOnArmedAcknowledgement.class.getName(),
        "-Dconverge.outbox.relay.producer[" + HaltOnArmedAcknowledgement.ARM_FILE + "]=" + armFile.toAbsolutePath())) {
      SagaBatch[] killed = new SagaBatch[1];
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
    SagaBatch.awaitHealthy();
  }

  @Test
  void everyRecordDeliveredTwiceAndOutOfOrderAcrossKeys() throws Exception {
    run("records delivered twice, in reverse order across keys", false, scenario -> {
      scenario.lost(); // waits for every saga to end, so that all their records are on the broker
      try (KafkaWireClient wire = new KafkaWireClient(TestSystem.get().kafkaBootstrap())) {
        for (String topic : List.of(InventoryChannels.COMMANDS, CustomerChannels.COMMANDS, PaymentChannels.COMMANDS,
            TestSystem.PLACE_ORDER_REPLIES)) {
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
          wire.sendRaw(TestSystem.PLACE_ORDER_REPLIES, partition, "{\"not\": \"a message\"}");
        }
      }
    });
  }

  @Test
  void theOrderHistoryStoppedWhileSagasRunThenCatchesUp() throws Exception {
    SagaBatch[] batch = {null};
    run("order-history-service stopped 5 s while sagas run, then restarted", false, scenario -> {
      batch[0] = scenario;
      Faults.stopFor("order-history-service", 5_000);
    });
    // Its events waited in Kafka: once back, it shows every order as order-service holds it.
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      for (String orderId : batch[0].orderIds()) {
        String ofRecord = TestSystem.get("order-service", "/api/orders/{id}", orderId).get("state").asText();
        JsonNode history = TestSystem.viewer("order-history-service").get().uri("/api/order-history/{id}", orderId)
            .retrieve().body(JsonNode.class);
        assertThat(history.get("state").asText()).as("order %s", orderId).isEqualTo(ofRecord);
      }
    });
  }

  @AfterAll
  static void writeTable() throws IOException {
    String text = FaultRow.HEADER + "\n" + String.join("\n", ROWS);
    System.out.println("\nFault suite\n" + text + "\n");
    Files.writeString(Path.of("target/fault-suite.md"), text + "\n");
  }

  private interface Fault {
    void inject(SagaBatch batch) throws Exception;
  }

  private void run(String name, boolean garbageSent, Fault fault) throws Exception {
    run(name, garbageSent, batch -> { }, fault);
  }

  /** @param beforePlacing what the scenario sets up once its customer and product exist, before its sagas start */
  private void run(String name, boolean garbageSent, Fault beforePlacing, Fault fault) throws Exception {
    SagaBatch batch = SagaBatch.open();
    beforePlacing.inject(batch);
    long deadLettersBefore = SagaBatch.deadLetters();
    List<CompletableFuture<Void>> placing = new ArrayList<>();
    for (int i = 0; i < SAGAS; i++) {
      int sequence = i;
      placing.add(CompletableFuture.runAsync(() -> batch.placeOne(sequence)));
    }
    placing.forEach(CompletableFuture::join);

    long inFlight = batch.inFlight();
    fault.inject(batch);

    FaultRow row = FaultRow.measure(name, batch, inFlight, deadLettersBefore);
    ROWS.add(row.markdown());
    SagaBatch.awaitHealthy();
    row.assertOnTarget(garbageSent);
  }

  /** Command records of the scenario that reached the broker more than once under the same message id. */
  private static long publishedAgain(SagaBatch scenario) {
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

}
