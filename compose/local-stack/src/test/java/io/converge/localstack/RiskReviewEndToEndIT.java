package io.converge.localstack;

import static io.converge.localstack.TestSystem.awaitSaga;
import static io.converge.localstack.TestSystem.get;
import static io.converge.localstack.TestSystem.http;
import static io.converge.localstack.TestSystem.newCustomer;
import static io.converge.localstack.TestSystem.newProduct;
import static io.converge.localstack.TestSystem.order;
import static io.converge.localstack.TestSystem.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Orders above the review amount wait, after their credit is reserved, for a person's risk review at payment-service:
 * approved (across restarts of the orchestrator and payment-service while it waits), rejected, and not made before
 * its deadline. Each order here totals 1,200, above the test system's 1,000.
 */
class RiskReviewEndToEndIT {

  @BeforeAll
  static void startSystem() {
    TestSystem.get();
  }

  @Test
  void anApprovedReviewLetsTheOrderThroughEvenAfterBothSidesRestartedWhileItWaited() {
    String customer = newCustomer("5000.00");
    JsonNode placed = place(order(customer, newProduct("600.00", 10), 2, "card"));
    String orderId = placed.get("orderId").asText();
    String sagaId = placed.get("sagaId").asText();
    JsonNode pending = awaitReview(orderId);
    assertThat(pending.get("state").asText()).isEqualTo("PENDING");
    assertThat(pending.get("amount").decimalValue()).isEqualByComparingTo("1200.00");
    assertThat(get("payment-service", "/api/reviews").toString()).contains(orderId);
    assertThat(get("saga-orchestrator", "/api/sagas/{id}", sagaId).get("state").asText()).isEqualTo("RUNNING");

    // The wait holds no thread and lives in the databases: both sides restart and the review still counts.
    TestSystem.get().stop("saga-orchestrator");
    TestSystem.get().stop("payment-service");
    TestSystem.get().restart("payment-service");
    TestSystem.get().restart("saga-orchestrator");
    ResponseEntity<JsonNode> decided = decide(orderId, "APPROVE", "known customer, usual basket");

    assertThat(decided.getStatusCode().value()).isEqualTo(200);
    assertThat(decided.getBody().get("state").asText()).isEqualTo("APPROVED");
    assertThat(decided.getBody().get("reviewer").asText()).isEqualTo("rita");
    JsonNode saga = awaitSaga(sagaId);
    assertThat(saga.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(saga.get("definitionVersion").asInt()).isEqualTo(2);
    assertThat(saga.get("history").toString()).contains("payment.RequestRiskReview", "payment.RiskApproved");
    assertThat(get("order-service", "/api/orders/{id}", orderId).get("state").asText()).isEqualTo("APPROVED");
    assertThat(get("payment-service", "/api/payments?orderId={id}", orderId).get(0).get("status").asText())
        .isEqualTo("AUTHORIZED");
    // The same decision again changes nothing; another one is refused.
    assertThat(decide(orderId, "APPROVE", "again").getStatusCode().value()).isEqualTo(200);
    ResponseEntity<JsonNode> changedMind = decide(orderId, "REJECT", "changed my mind");
    assertThat(changedMind.getStatusCode().value()).isEqualTo(409);
    assertThat(changedMind.getHeaders().getContentType()).hasToString("application/problem+json");
  }

  @Test
  void aRejectedReviewGivesBackCreditAndStockAndRejectsTheOrder() {
    String customer = newCustomer("5000.00");
    String sku = newProduct("600.00", 10);
    JsonNode placed = place(order(customer, sku, 2, "card"));
    String orderId = placed.get("orderId").asText();
    awaitReview(orderId);

    assertThat(decide(orderId, "REJECT", "card used from three countries today").getStatusCode().value())
        .isEqualTo(200);

    JsonNode saga = awaitSaga(placed.get("sagaId").asText());
    assertThat(saga.get("state").asText()).isEqualTo("COMPENSATED");
    assertThat(saga.get("reason").asText()).isEqualTo("RISK_REJECTED");
    JsonNode order = get("order-service", "/api/orders/{id}", orderId);
    assertThat(order.get("state").asText()).isEqualTo("REJECTED");
    assertThat(order.get("reason").asText()).isEqualTo("RISK_REJECTED");
    assertThat(get("customer-service", "/api/customers/{id}", customer).get("available").decimalValue())
        .isEqualByComparingTo("5000.00");
    assertThat(get("inventory-service", "/api/products/{sku}", sku).get("reserved").asInt()).isZero();
    assertThat(get("payment-service", "/api/payments?orderId={id}", orderId)).isEmpty();
  }

  @Test
  void aReviewNotMadeBeforeItsDeadlineRejectsTheOrderAndALateDecisionIsRefused() {
    String customer = newCustomer("5000.00");
    JsonNode placed = place(order(customer, newProduct("600.00", 10), 2, "card"));
    String orderId = placed.get("orderId").asText();
    JsonNode pending = awaitReview(orderId);
    JsonNode running = get("saga-orchestrator", "/api/sagas/{id}", placed.get("sagaId").asText());
    // The person's deadline is added to the saga's: the saga is bound by both.
    assertThat(Duration.between(Instant.parse(running.get("startedAt").asText()),
        Instant.parse(running.get("deadlineAt").asText())))
        .isGreaterThan(Duration.ofSeconds(TestSystem.REVIEW_DEADLINE_SECONDS));
    assertThat(Instant.parse(pending.get("decideBy").asText())).isAfter(Instant.now());

    JsonNode saga = TestSystem.awaitTerminal(placed.get("sagaId").asText(),
        Duration.ofSeconds(TestSystem.REVIEW_DEADLINE_SECONDS + 30));

    assertThat(saga.get("state").asText()).isEqualTo("COMPENSATED");
    assertThat(saga.get("reason").asText()).isEqualTo("REVIEW_DEADLINE_PASSED");
    assertThat(get("order-service", "/api/orders/{id}", orderId).get("state").asText()).isEqualTo("REJECTED");
    assertThat(get("customer-service", "/api/customers/{id}", customer).get("available").decimalValue())
        .isEqualByComparingTo("5000.00");
    assertThat(awaitReviewIn(orderId, "WITHDRAWN").get("state").asText()).isEqualTo("WITHDRAWN");
    ResponseEntity<JsonNode> late = decide(orderId, "APPROVE", "sorry, was at lunch");
    assertThat(late.getStatusCode().value()).isEqualTo(409);
    assertThat(late.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(late.getBody().get("detail").asText()).contains("withdrawn");
  }

  @Test
  void aDecisionMustNameItselfAReviewerAndAComment() {
    assertThat(post("/api/reviews/{id}", "no-such-order",
        "{\"decision\":\"APPROVE\",\"comment\":\"ok\",\"reviewer\":\"rita\"}").getStatusCode().value())
        .isEqualTo(404);
    for (String body : new String[] {"{\"decision\":\"MAYBE\",\"comment\":\"ok\",\"reviewer\":\"rita\"}",
        "{\"decision\":\"APPROVE\",\"reviewer\":\"rita\"}", "{\"decision\":\"APPROVE\",\"comment\":\"ok\"}",
        "{\"decision\":\"APPROVE\",\"comment\":\"ok\",\"reviewer\":\"<script>\"}"}) {
      ResponseEntity<JsonNode> refused = post("/api/reviews/{id}", "some-order", body);
      assertThat(refused.getStatusCode().value()).as(body).isEqualTo(400);
      assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
    }
  }

  /** A small order never waits for a person. */
  @Test
  void anOrderAtOrBelowTheReviewAmountIsNotReviewed() {
    JsonNode placed = place(order(newCustomer("5000.00"), newProduct("500.00", 10), 2, "card"));
    assertThat(awaitSaga(placed.get("sagaId").asText()).get("state").asText()).isEqualTo("COMPLETED");
    assertThat(reviewStatus(placed.get("orderId").asText())).isEqualTo(404);
  }

  /** The HTTP status of {@code GET /api/reviews/{orderId}}. */
  static int reviewStatus(String orderId) {
    Integer status = http("payment-service").get().uri("/api/reviews/{id}", orderId)
        .exchange((request, response) -> response.getStatusCode().value());
    return status;
  }

  static JsonNode awaitReview(String orderId) {
    return awaitReviewIn(orderId, null);
  }

  /** Polls payment-service until the order's review exists (in {@code state}, when given); 30 s at most. */
  static JsonNode awaitReviewIn(String orderId, String state) {
    return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
      ResponseEntity<JsonNode> review = http("payment-service").get().uri("/api/reviews/{id}", orderId)
          .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
              .body(response.bodyTo(JsonNode.class)));
      return review.getStatusCode().value() == 200
          && (state == null || state.equals(review.getBody().get("state").asText())) ? review.getBody() : null;
    }, java.util.Objects::nonNull);
  }

  static ResponseEntity<JsonNode> decide(String orderId, String decision, String comment) {
    return post("/api/reviews/{id}", orderId, "{\"decision\":\"" + decision + "\",\"comment\":\"" + comment
        + "\",\"reviewer\":\"rita\"}");
  }

  private static ResponseEntity<JsonNode> post(String path, String id, String body) {
    return http("payment-service").post().uri(path, id).contentType(MediaType.APPLICATION_JSON).body(body)
        .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
            .headers(response.getHeaders()).body(response.bodyTo(JsonNode.class)));
  }
}
