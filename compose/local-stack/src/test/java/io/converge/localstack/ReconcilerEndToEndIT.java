package io.converge.localstack;

import static io.converge.localstack.TestSystem.awaitSaga;
import static io.converge.localstack.TestSystem.newCustomer;
import static io.converge.localstack.TestSystem.newProduct;
import static io.converge.localstack.TestSystem.order;
import static io.converge.localstack.TestSystem.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.converge.contracts.customer.CustomerChannels;
import io.converge.contracts.customer.ReserveCredit;
import io.converge.devinfra.KafkaWireClient;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reconciler sweeps every saga that ended since its checkpoint, compares it with what each participant holds
 * (through their APIs), repairs what is safe to repair and parks the rest.
 */
class ReconcilerEndToEndIT {

  @BeforeAll
  static void startSystem() {
    TestSystem.get();
  }

  @Test
  void findsInconsistenciesInjectedIntoParticipantsHoweverManySagasEndedSinceRepairsOneAndParksTheOther()
      throws Exception {
    String customer = newCustomer("1000.00");
    String sku = newProduct("1.00", 1000);
    // Behind each saga's back as soon as it ended, before the sweep reaches it: the approved order's credit released
    // (nothing can safely take it again), the declined order's stock reserved again (releasing it is always safe).
    JsonNode approved = place(order(customer, sku, 1, "card"));
    assertThat(awaitSaga(approved.get("sagaId").asText()).get("state").asText()).isEqualTo("COMPLETED");
    TestSystem.jdbc("customer-service").update("UPDATE credit_reservations SET status = 'RELEASED' WHERE order_id = ?",
        approved.get("orderId").asText());
    JsonNode declined = place(order(customer, sku, 1, "card-declined"));
    assertThat(awaitSaga(declined.get("sagaId").asText()).get("state").asText()).isEqualTo("COMPENSATED");
    TestSystem.jdbc("inventory-service").update("UPDATE stock_reservations SET status = 'RESERVED' WHERE order_id = ?",
        declined.get("orderId").asText());
    TestSystem.jdbc("inventory-service").update("UPDATE products SET reserved = reserved + 1 WHERE sku = ?", sku);
    // More sagas end after them than the old check (the latest 100) ever looked at, swept 10 to a batch.
    ExecutorService clients = Executors.newFixedThreadPool(8);
    List<Future<JsonNode>> later = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      later.add(clients.submit(() -> awaitSaga(place(order(customer, sku, 1, "card")).get("sagaId").asText())));
    }
    for (Future<JsonNode> saga : later) {
      assertThat(saga.get().get("state").asText()).isEqualTo("COMPLETED");
    }
    clients.shutdown();

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      JsonNode parked = awaitSaga(approved.get("sagaId").asText());
      assertThat(parked.get("state").asText()).isEqualTo("NEEDS_ATTENTION");
      assertThat(parked.get("attention").asText()).contains("CREDIT_RESERVATION").contains("RELEASED");
      assertThat(TestSystem.get("inventory-service", "/api/stock-reservations/{id}", declined.get("orderId").asText())
          .get("status").asText()).isEqualTo("RELEASED");
    });
    assertThat(TestSystem.get("inventory-service", "/api/products/{sku}", sku).get("reserved").asInt())
        .as("the repair released the stock once").isEqualTo(151);
    JsonNode repaired = awaitSaga(declined.get("sagaId").asText());
    assertThat(repaired.get("state").asText()).isEqualTo("COMPENSATED");
    assertThat(repaired.get("history").toString()).contains("RECONCILER_REPAIR").contains("inventory.ReleaseStock");
    JsonNode totals = TestSystem.get("saga-orchestrator", "/api/consistency").get("totals");
    assertThat(totals.at("/CREDIT_RESERVATION/PARKED").asLong()).isPositive();
    assertThat(totals.at("/STOCK_RESERVATION/REPAIRED").asLong()).isPositive();
    String metrics = TestSystem.metrics("saga-orchestrator");
    assertThat(metrics).contains("converge_reconciler_findings_total{action=\"PARKED\",invariant=\"CREDIT_RESERVATION\"");
    assertThat(metrics).contains("converge_reconciler_sweep_lag_seconds");
  }

  @Test
  void reportsAnOrderHistoryThatDisagreesWithTheServicesAndLeavesTheSagaAlone() {
    JsonNode approved = place(order(newCustomer("100.00"), newProduct("1.00", 10), 1, "card"));
    String sagaId = approved.get("sagaId").asText();
    String orderId = approved.get("orderId").asText();
    assertThat(awaitSaga(sagaId).get("state").asText()).isEqualTo("COMPLETED");
    TestSystem.viewer("order-history-service").get()
        .uri("/api/order-history/{id}?minVersion=2&waitMillis=10000", orderId).retrieve().toBodilessEntity();
    // The read model drifts (a projection bug, a hand edit) before the sweep reaches the saga.
    JdbcTemplate history = TestSystem.jdbc("order-history-service");
    String live = history.queryForObject("SELECT schema_name FROM models WHERE state = 'LIVE'", String.class);
    history.update("UPDATE " + live + ".order_history SET payment_state = 'VOIDED' WHERE order_id = ?", orderId);

    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(TestSystem.get("saga-orchestrator",
        "/api/consistency").get("totals").at("/READ_MODEL/REPORTED").asLong()).isPositive());
    assertThat(awaitSaga(sagaId).get("state").asText()).as("the services agree with the saga").isEqualTo("COMPLETED");
  }

  @Test
  void releasesCreditReservedForAnOrderThatOrderServiceDoesNotHave() {
    String customer = newCustomer("100.00");
    String orderId = "order-never-placed-" + UUID.randomUUID();
    try (KafkaWireClient wire = new KafkaWireClient(TestSystem.get().kafkaBootstrap())) {
      wire.sendCommand(CustomerChannels.COMMANDS, "customer.ReserveCredit",
          new ReserveCredit(orderId, customer, new BigDecimal("5.00")), "converge.test.replies", "saga-" + orderId);
    }
    await().ignoreExceptions().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
      assertThat(TestSystem.get("customer-service", "/api/credit-reservations/{id}", orderId).get("status").asText())
          .isEqualTo("RELEASED");
      assertThat(TestSystem.get("customer-service", "/api/customers/{id}", customer).get("available")
          .decimalValue()).isEqualByComparingTo("100.00");
    });
    assertThat(TestSystem.get("saga-orchestrator", "/api/consistency").get("totals")
        .at("/CREDIT_WITHOUT_ORDER/REPAIRED").asLong()).isPositive();
  }

  @Test
  void anAdHocCheckRunsInTheBackgroundAndReportsWithoutHoldingTheRequest() throws InterruptedException {
    JsonNode approved = place(order(newCustomer("100.00"), newProduct("10.00", 10), 1, "card"));
    awaitSaga(approved.get("sagaId").asText());
    Thread.sleep(TestSystem.RECONCILER_SETTLE_SECONDS * 1_000L + 500); // checks look at sagas over for that long

    ResponseEntity<JsonNode> started = TestSystem.http("saga-orchestrator").post()
        .uri("/api/consistency/checks?window=PT1H&maxSagas=50000").retrieve().toEntity(JsonNode.class);

    assertThat(started.getStatusCode().value()).isEqualTo(202);
    assertThat(started.getHeaders().getLocation()).isNotNull();
    JsonNode report = TestSystem.consistencyCheck(50_000);
    assertThat(report.get("sagasChecked").asInt()).isPositive();
    assertThat(StreamSupport.stream(report.get("violations").spliterator(), false)
        .filter(v -> v.path("sagaId").asText().equals(approved.get("sagaId").asText()))).isEmpty();
    int missing = TestSystem.http("saga-orchestrator").get().uri("/api/consistency/checks/{id}", "no-such-check")
        .exchange((request, response) -> response.getStatusCode().value());
    assertThat(missing).isEqualTo(404);
  }

  @Test
  void participantsListWhatChangedSinceAnInstantInAStatusAndRejectBadInput() {
    Instant before = Instant.now().minusSeconds(1);
    JsonNode approved = place(order(newCustomer("100.00"), newProduct("10.00", 10), 1, "card"));
    awaitSaga(approved.get("sagaId").asText());
    String orderId = approved.get("orderId").asText();

    assertThat(orderIds(TestSystem.get("inventory-service",
        "/api/stock-reservations?changedSince={since}&status=RESERVED&limit=1000", before))).contains(orderId);
    assertThat(orderIds(TestSystem.get("customer-service",
        "/api/credit-reservations?changedSince={since}&status=RELEASED&limit=1000", before))).doesNotContain(orderId);
    assertThat(orderIds(TestSystem.get("payment-service",
        "/api/payments?changedSince={since}&limit=1000", before))).contains(orderId);
    assertThat(orderIds(TestSystem.get("payment-service",
        "/api/payments?changedSince={since}", Instant.now().plusSeconds(60)))).isEmpty();
    assertBadRequest("payment-service", HttpMethod.GET, "/api/payments?changedSince=yesterday");
    assertBadRequest("inventory-service", HttpMethod.GET, "/api/stock-reservations?changedSince=" + before
        + "&status=LOST");
    assertBadRequest("saga-orchestrator", HttpMethod.POST, "/api/consistency/checks?window=soon");
    assertBadRequest("saga-orchestrator", HttpMethod.POST, "/api/consistency/checks?window=-PT1H");
    assertBadRequest("saga-orchestrator", HttpMethod.POST, "/api/consistency/checks?maxSagas=many");
    assertThat(orderIds(TestSystem.get("order-service", "/api/orders?ids={id}&ids=unknown", orderId)))
        .containsExactly(orderId);
    assertThat(TestSystem.get("payment-service", "/api/payments?orderIds={id}", orderId).get(0).get("status").asText())
        .isEqualTo("AUTHORIZED");
    String tooMany = String.join("&", java.util.Collections.nCopies(201, "orderIds=x"));
    assertBadRequest("customer-service", HttpMethod.GET, "/api/credit-reservations?" + tooMany);
  }

  private static void assertBadRequest(String service, HttpMethod method, String pathAndQuery) {
    ResponseEntity<String> response = TestSystem.http(service).method(method)
        .uri(URI.create(TestSystem.get().url(service) + pathAndQuery))
        .exchange((request, answer) -> ResponseEntity.status(answer.getStatusCode())
            .headers(answer.getHeaders()).body(answer.bodyTo(String.class)));
    assertThat(response.getStatusCode().value()).as(pathAndQuery).isEqualTo(400);
    assertThat(response.getHeaders().getContentType()).as(pathAndQuery)
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  private static List<String> orderIds(JsonNode changes) {
    return StreamSupport.stream(changes.spliterator(), false).map(c -> c.get("orderId").asText()).toList();
  }

}
