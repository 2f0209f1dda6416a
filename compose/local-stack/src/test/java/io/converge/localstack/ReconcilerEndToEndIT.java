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
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The reconciler checks cross-service invariants through the services' APIs and reports what does not hold. */
class ReconcilerEndToEndIT {

  @BeforeAll
  static void startSystem() {
    TestSystem.get();
  }

  @Test
  void findsNothingWrongAfterSagasThenReportsAReservationReleasedBehindTheSagasBack() {
    String customer = newCustomer("100.00");
    String sku = newProduct("10.00", 10);
    JsonNode approved = place(order(customer, sku, 1, "card"));
    JsonNode declined = place(order(customer, sku, 1, "card-declined"));
    awaitSaga(approved.get("sagaId").asText());
    awaitSaga(declined.get("sagaId").asText());

    JsonNode clean = check();
    assertThat(violationsOf(clean, approved)).isEmpty();
    assertThat(violationsOf(clean, declined)).isEmpty();
    assertThat(clean.get("sagasChecked").asInt()).isGreaterThanOrEqualTo(2);

    TestSystem.jdbc("customer-service").update("UPDATE credit_reservations SET status = 'RELEASED' WHERE order_id = ?",
        approved.get("orderId").asText());
    List<JsonNode> violations = violationsOf(check(), approved);

    assertThat(violations).hasSize(1);
    assertThat(violations.get(0).get("invariant").asText()).isEqualTo("CREDIT_RESERVATION");
    assertThat(violations.get(0).get("ageMillis").asLong()).isNotNegative();
    assertThat(violations.get(0).get("olderThanDeadline").asBoolean()).isFalse();
    String metrics = TestSystem.http("saga-orchestrator").get().uri("/actuator/prometheus").retrieve()
        .body(String.class);
    assertThat(metrics).contains("converge_reconciler_violations");
  }

  @Test
  void reportsCreditReservedForAnOrderThatOrderServiceDoesNotHave() {
    String customer = newCustomer("100.00");
    String orderId = "order-never-placed-" + UUID.randomUUID();
    try (KafkaWireClient wire = new KafkaWireClient(TestSystem.get().kafkaBootstrap())) {
      wire.sendCommand(CustomerChannels.COMMANDS, "customer.ReserveCredit",
          new ReserveCredit(orderId, customer, new BigDecimal("5.00")), "converge.test.replies", "saga-" + orderId);
    }
    await().atMost(Duration.ofSeconds(20)).until(() -> TestSystem.get("customer-service",
        "/api/customers/{id}", customer).get("available").decimalValue().compareTo(new BigDecimal("95.00")) == 0);

    List<JsonNode> orphans = StreamSupport.stream(check().get("violations").spliterator(), false)
        .filter(v -> v.get("orderId").asText().equals(orderId)).toList();

    assertThat(orphans).hasSize(1);
    assertThat(orphans.get(0).get("invariant").asText()).isEqualTo("CREDIT_WITHOUT_ORDER");
    assertThat(orphans.get(0).get("sagaId").isNull()).isTrue();
    assertThat(orphans.get(0).get("ageMillis").asLong()).isNotNegative();
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
    assertBadRequest("saga-orchestrator", HttpMethod.POST, "/api/consistency/check?window=soon");
    assertBadRequest("saga-orchestrator", HttpMethod.POST, "/api/consistency/check?window=-PT1H");
    assertBadRequest("saga-orchestrator", HttpMethod.POST, "/api/consistency/check?maxSagas=many");
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

  private static JsonNode check() {
    return TestSystem.http("saga-orchestrator").post().uri("/api/consistency/check").retrieve().body(JsonNode.class);
  }

  private static List<JsonNode> violationsOf(JsonNode report, JsonNode accepted) {
    return StreamSupport.stream(report.get("violations").spliterator(), false)
        .filter(v -> v.get("sagaId").asText().equals(accepted.get("sagaId").asText())).toList();
  }
}
