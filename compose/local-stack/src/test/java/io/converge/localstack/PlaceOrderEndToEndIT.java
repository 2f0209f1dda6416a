package io.converge.localstack;

import static io.converge.localstack.TestSystem.awaitSaga;
import static io.converge.localstack.TestSystem.get;
import static io.converge.localstack.TestSystem.newCustomer;
import static io.converge.localstack.TestSystem.newProduct;
import static io.converge.localstack.TestSystem.order;
import static io.converge.localstack.TestSystem.place;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.converge.contracts.customer.CustomerChannels;
import io.converge.devinfra.KafkaWireClient;
import io.converge.devinfra.WireMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The running system over HTTP: every outcome checked through each service's own API. */
class PlaceOrderEndToEndIT {

  @BeforeAll
  static void startSystem() {
    TestSystem.get();
  }

  @Test
  void approvesAnOrderAndEveryServiceHoldsItsPart() {
    String customer = newCustomer("100.00");
    String sku = newProduct("10.00", 5);

    JsonNode accepted = place(order(customer, sku, 2, "card"));
    JsonNode saga = awaitSaga(accepted.get("sagaId").asText());

    assertThat(saga.get("state").asText()).isEqualTo("COMPLETED");
    String orderId = accepted.get("orderId").asText();
    assertThat(get("order-service", "/api/orders/{id}", orderId).get("state").asText()).isEqualTo("APPROVED");
    assertThat(get("inventory-service", "/api/products/{sku}", sku).get("reserved").asInt()).isEqualTo(2);
    JsonNode credit = get("customer-service", "/api/customers/{id}", customer);
    assertThat(credit.get("available").decimalValue()).isEqualByComparingTo("80.00");
    assertThat(get("payment-service", "/api/payments?orderId={id}", orderId).get(0).get("status").asText())
        .isEqualTo("AUTHORIZED");
    assertThat(saga.get("history")).hasSize(10);
  }

  @Test
  void rejectsAnUnknownProductAndRejectsTheOrder() {
    String customer = newCustomer("100.00");

    JsonNode accepted = place(order(customer, "no-such-" + UUID.randomUUID(), 1, "card"));

    assertRejected(accepted, "UNKNOWN_PRODUCT");
    assertThat(get("customer-service", "/api/customers/{id}", customer).get("openReservations")).isEmpty();
  }

  @Test
  void rejectsWhenOutOfStockReservingNothing() {
    String customer = newCustomer("1000.00");
    String sku = newProduct("1.00", 1);

    assertRejected(place(order(customer, sku, 2, "card")), "OUT_OF_STOCK");

    assertThat(get("inventory-service", "/api/products/{sku}", sku).get("reserved").asInt()).isZero();
  }

  @Test
  void rejectsAnUnknownCustomerAndReleasesTheStock() {
    String sku = newProduct("1.00", 10);

    assertRejected(place(order("nobody-" + UUID.randomUUID(), sku, 3, "card")), "UNKNOWN_CUSTOMER");

    assertThat(get("inventory-service", "/api/products/{sku}", sku).get("reserved").asInt()).isZero();
  }

  @Test
  void rejectsOverTheCreditLimitAndReleasesTheStock() {
    String customer = newCustomer("5.00");
    String sku = newProduct("10.00", 10);

    JsonNode accepted = place(order(customer, sku, 1, "card"));

    assertRejected(accepted, "CREDIT_LIMIT_EXCEEDED");
    assertThat(get("inventory-service", "/api/products/{sku}", sku).get("reserved").asInt()).isZero();
    assertThat(get("customer-service", "/api/customers/{id}", customer).get("available").decimalValue())
        .isEqualByComparingTo("5.00");
  }

  @Test
  void rejectsADeclinedPaymentAndReleasesCreditAndStockInReverseOrder() {
    String customer = newCustomer("100.00");
    String sku = newProduct("10.00", 10);

    JsonNode accepted = place(order(customer, sku, 1, "card-declined"));
    JsonNode saga = assertRejected(accepted, "PAYMENT_DECLINED");

    assertThat(get("inventory-service", "/api/products/{sku}", sku).get("reserved").asInt()).isZero();
    assertThat(get("customer-service", "/api/customers/{id}", customer).get("available").decimalValue())
        .isEqualByComparingTo("100.00");
    assertThat(get("payment-service", "/api/payments?orderId={id}", accepted.get("orderId").asText()).get(0)
        .get("status").asText()).isEqualTo("DECLINED");
    List<String> compensations = commandsSent(saga).subList(4, 7);
    assertThat(compensations).containsExactly("customer.ReleaseCredit", "inventory.ReleaseStock", "order.RejectOrder");
  }

  @Test
  void theSameIdempotencyKeyTwiceStartsOneSagaAndAnotherBodyIsAConflict() {
    String customer = newCustomer("100.00");
    String sku = newProduct("1.00", 10);
    String key = "key-" + UUID.randomUUID();
    Map<String, Object> body = order(customer, sku, 1, "card");

    JsonNode first = placeWithKey(key, body);
    JsonNode second = placeWithKey(key, body);
    int conflict = TestSystem.http("saga-orchestrator").post().uri("/api/orders")
        .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", key).body(order(customer, sku, 2, "card"))
        .exchange((request, response) -> response.getStatusCode().value());

    assertThat(second.get("sagaId").asText()).isEqualTo(first.get("sagaId").asText());
    assertThat(second.get("orderId").asText()).isEqualTo(first.get("orderId").asText());
    assertThat(conflict).isEqualTo(409);
    awaitSaga(first.get("sagaId").asText());
    assertThat(get("inventory-service", "/api/products/{sku}", sku).get("reserved").asInt()).isEqualTo(1);
  }

  @Test
  void idempotencyKeysDifferingOnlyInCaseAreTwoKeys() {
    Map<String, Object> body = order(newCustomer("100.00"), newProduct("1.00", 10), 1, "card");
    String key = "case-" + UUID.randomUUID();

    JsonNode lower = placeWithKey(key.toLowerCase(), body);
    JsonNode upper = placeWithKey(key.toUpperCase(), body);

    assertThat(upper.get("sagaId").asText()).isNotEqualTo(lower.get("sagaId").asText());
    awaitSaga(lower.get("sagaId").asText());
    awaitSaga(upper.get("sagaId").asText());
  }

  /** Only a request whose Accept takes no JSON at all is refused (BadInputEndToEndIT). */
  @Test
  void anAcceptTakingJsonAmongOthersPlacesTheOrder() throws Exception {
    String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
        order(newCustomer("100.00"), newProduct("1.00", 10), 1, "card"));
    java.net.http.HttpResponse<String> accepted = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(TestSystem.get().url("saga-orchestrator")
                + "/api/orders"))
            .header("Content-Type", "application/json").header("Accept", "application/xml;q=0.9, */*;q=0.1")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(accepted.statusCode()).isEqualTo(202);
    awaitSaga(new com.fasterxml.jackson.databind.ObjectMapper().readTree(accepted.body()).get("sagaId").asText());
  }

  @Test
  void aKafkaRecordDeliveredTwiceChangesNothingTwice() throws InterruptedException {
    String customer = newCustomer("100.00");
    String sku = newProduct("10.00", 10);
    JsonNode accepted = place(order(customer, sku, 1, "card"));
    String sagaId = accepted.get("sagaId").asText();
    JsonNode before = awaitSaga(sagaId);
    String orderId = accepted.get("orderId").asText();

    try (KafkaWireClient wire = new KafkaWireClient(TestSystem.get().kafkaBootstrap())) {
      WireMessage command = wire.await(CustomerChannels.COMMANDS, m -> m.payload().contains(orderId), 1,
          Duration.ofSeconds(10)).get(0);
      WireMessage reply = wire.await(TestSystem.PLACE_ORDER_REPLIES,
          m -> sagaId.equals(m.header("commandreply_saga_id")), 1, Duration.ofSeconds(10)).get(0);
      wire.redeliver(command);
      wire.redeliver(reply);
    }
    Thread.sleep(2_000);

    assertThat(get("customer-service", "/api/customers/{id}", customer).get("available").decimalValue())
        .isEqualByComparingTo("90.00");
    JsonNode after = awaitSaga(sagaId);
    assertThat(after.get("history")).hasSameSizeAs(before.get("history"));
    assertThat(after.get("state").asText()).isEqualTo("COMPLETED");
  }

  @Test
  void exportsTimeToConsistencySagaCountsStepLatencyRelayLagAndDeadLetters() {
    awaitSaga(place(order(newCustomer("100.00"), newProduct("1.00", 5), 1, "card")).get("sagaId").asText());

    String orchestrator = TestSystem.metrics("saga-orchestrator");
    String participant = TestSystem.metrics("customer-service");

    assertThat(orchestrator).contains("converge_saga_time_to_consistency_seconds_count{outcome=\"COMPLETED\"")
        .contains("converge_sagas{state=\"RUNNING\"}").doesNotContain("converge_sagas{state=\"COMPLETED\"}")
        .contains("converge_sagas_past_deadline")
        .contains("converge_saga_step_latency_seconds").contains("converge_outbox_relay_latency_seconds")
        .contains("converge_outbox_relay_backlog");
    assertThat(participant).contains("converge_dead_letters").contains("converge_outbox_relay_latency_seconds");
  }

  private static JsonNode placeWithKey(String key, Map<String, Object> body) {
    return TestSystem.http("saga-orchestrator").post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
        .header("Idempotency-Key", key).body(body).retrieve().body(JsonNode.class);
  }

  private static JsonNode assertRejected(JsonNode accepted, String reason) {
    JsonNode saga = awaitSaga(accepted.get("sagaId").asText());
    assertThat(saga.get("state").asText()).isEqualTo("COMPENSATED");
    assertThat(saga.get("reason").asText()).isEqualTo(reason);
    JsonNode order = get("order-service", "/api/orders/{id}", accepted.get("orderId").asText());
    assertThat(order.get("state").asText()).isEqualTo("REJECTED");
    assertThat(order.get("reason").asText()).isEqualTo(reason);
    return saga;
  }

  private static List<String> commandsSent(JsonNode saga) {
    return java.util.stream.StreamSupport.stream(saga.get("history").spliterator(), false)
        .filter(step -> step.get("kind").asText().equals("COMMAND_SENT"))
        .map(step -> step.get("messageType").asText()).toList();
  }
}
