package io.converge.localstack;

import static io.converge.localstack.TestSystem.awaitSaga;
import static io.converge.localstack.TestSystem.get;
import static io.converge.localstack.TestSystem.newCustomer;
import static io.converge.localstack.TestSystem.newProduct;
import static io.converge.localstack.TestSystem.order;
import static io.converge.localstack.TestSystem.place;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The cancel-order saga, a second saga type on the same runtime, driven over HTTP. */
class CancelOrderEndToEndIT {

  @BeforeAll
  static void startSystem() {
    TestSystem.get();
  }

  @Test
  void anApprovedOrderIsCancelledEverythingItHeldIsGivenBackAndASecondRequestAnswersWithTheSameSaga() {
    String customer = newCustomer("100.00");
    String sku = newProduct("10.00", 10);
    JsonNode placed = place(order(customer, sku, 2, "card"));
    assertThat(awaitSaga(placed.get("sagaId").asText()).get("state").asText()).isEqualTo("COMPLETED");
    String orderId = placed.get("orderId").asText();

    ResponseEntity<JsonNode> first = cancel(orderId);
    ResponseEntity<JsonNode> second = cancel(orderId);

    assertThat(first.getStatusCode().value()).isEqualTo(202);
    assertThat(first.getHeaders().getLocation()).hasToString("/api/sagas/" + first.getBody().get("sagaId").asText());
    assertThat(second.getStatusCode().value()).isEqualTo(202);
    assertThat(second.getBody().get("sagaId").asText()).isEqualTo(first.getBody().get("sagaId").asText());
    JsonNode saga = awaitSaga(first.getBody().get("sagaId").asText());
    assertThat(saga.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(saga.get("sagaType").asText()).isEqualTo("converge.CancelOrderSaga");
    assertThat(saga.get("businessKey").asText()).isEqualTo(orderId);
    assertThat(saga.get("reason").asText()).isEqualTo("ORDER_CANCELLED");
    assertThat(get("order-service", "/api/orders/{id}", orderId).get("state").asText()).isEqualTo("CANCELLED");
    assertThat(get("payment-service", "/api/payments?orderId={id}", orderId).get(0).get("status").asText())
        .isEqualTo("VOIDED");
    assertThat(get("customer-service", "/api/customers/{id}", customer).get("available").decimalValue())
        .isEqualByComparingTo("100.00");
    assertThat(get("inventory-service", "/api/products/{sku}", sku).get("reserved").asInt()).isZero();
    assertThat(get("saga-orchestrator", "/api/sagas?type=converge.CancelOrderSaga&limit=1000").toString())
        .contains(first.getBody().get("sagaId").asText());
    assertThat(get("saga-orchestrator", "/api/sagas?type=converge.PlaceOrderSaga&limit=1000").toString())
        .doesNotContain(first.getBody().get("sagaId").asText());
  }

  @Test
  void aCancellationThatCouldNotLockTheOrderInTimeIsUndoneAndANewRequestStartsANewOne() {
    String customer = newCustomer("100.00");
    JsonNode placed = place(order(customer, newProduct("10.00", 10), 1, "card"));
    assertThat(awaitSaga(placed.get("sagaId").asText()).get("state").asText()).isEqualTo("COMPLETED");
    String orderId = placed.get("orderId").asText();
    JsonNode failed;
    TestSystem.get().stop("order-service");
    try {
      // order-service cannot lock the order: BeginCancellation times out after its attempts and is undone. Its last
      // attempt may wait up to twice order-service's recent p99 (a backlog is not a loss), capped at 30 s.
      failed = TestSystem.awaitTerminal(cancel(orderId).getBody().get("sagaId").asText(), Duration.ofSeconds(60));
    } finally {
      TestSystem.get().restart("order-service");
    }
    assertThat(failed.get("state").asText()).isEqualTo("COMPENSATED");
    assertThat(failed.get("reason").asText()).isEqualTo("STEP_TIMED_OUT");

    ResponseEntity<JsonNode> again = cancel(orderId);

    assertThat(again.getBody().get("sagaId").asText()).isNotEqualTo(failed.get("sagaId").asText());
    assertThat(awaitSaga(again.getBody().get("sagaId").asText()).get("state").asText()).isEqualTo("COMPLETED");
    assertThat(get("order-service", "/api/orders/{id}", orderId).get("state").asText()).isEqualTo("CANCELLED");
    assertThat(get("customer-service", "/api/customers/{id}", customer).get("available").decimalValue())
        .isEqualByComparingTo("100.00");
  }

  @Test
  void aRejectedOrderIsAConflictAnUnknownOneNotFoundAndABadIdABadRequestAndNothingStarts() {
    JsonNode declined = place(order(newCustomer("100.00"), newProduct("10.00", 10), 1, "card-declined"));
    assertThat(awaitSaga(declined.get("sagaId").asText()).get("state").asText()).isEqualTo("COMPENSATED");
    long sagasBefore = TestSystem.jdbc("saga-orchestrator").queryForObject("SELECT COUNT(*) FROM saga_summary",
        Long.class);

    assertProblem(cancel(declined.get("orderId").asText()), 409);
    assertProblem(cancel("no-such-order"), 404);
    assertProblem(cancel("not an id"), 400);

    assertThat(TestSystem.jdbc("saga-orchestrator").queryForObject("SELECT COUNT(*) FROM saga_summary", Long.class))
        .isEqualTo(sagasBefore);
  }

  private static ResponseEntity<JsonNode> cancel(String orderId) {
    return TestSystem.http("saga-orchestrator").post().uri("/api/orders/{id}/cancellation", orderId)
        .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
            .headers(response.getHeaders()).body(response.bodyTo(JsonNode.class)));
  }

  private static void assertProblem(ResponseEntity<JsonNode> response, int status) {
    assertThat(response.getStatusCode().value()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().get("detail").asText()).isNotBlank();
  }
}
