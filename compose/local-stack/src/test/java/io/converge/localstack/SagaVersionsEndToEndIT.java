package io.converge.localstack;

import static io.converge.localstack.TestSystem.awaitSaga;
import static io.converge.localstack.TestSystem.get;
import static io.converge.localstack.TestSystem.newCustomer;
import static io.converge.localstack.TestSystem.newProduct;
import static io.converge.localstack.TestSystem.order;
import static io.converge.localstack.TestSystem.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A release that changes a saga's steps: version 1 of the place-order saga has no risk review, version 2 adds one.
 * Orders started on the old release (only version 1) are in flight when the new release (both versions) starts: they
 * end on version 1, without a review; new orders start on version 2 and wait for one.
 */
class SagaVersionsEndToEndIT {

  @BeforeAll
  static void startSystem() {
    TestSystem.get();
  }

  @Test
  void sagasInFlightEndOnTheVersionTheyStartedOnAndNewOnesStartOnTheNewest() {
    String customer = newCustomer("10000.00");
    String sku = newProduct("600.00", 20);
    RunningSystem system = TestSystem.get();
    List<JsonNode> onVersion1;
    system.stop("saga-orchestrator");
    try {
      // The old release; long step timeouts, so that its sagas wait for payment-service across the release.
      system.restart("saga-orchestrator", Map.of("converge.orders.saga-version", 1,
          "converge.saga.step-timeout", "120s"));
      system.stop("payment-service");
      onVersion1 = Stream.of(1, 2).map(i -> place(order(customer, sku, 2, "card"))).toList();
      onVersion1.forEach(placed -> awaitStep(placed.get("sagaId").asText(), "payment.AuthorizePayment"));
      system.stop("saga-orchestrator");
    } finally {
      system.restart("saga-orchestrator");
      if (system.context("payment-service") == null) {
        system.restart("payment-service");
      }
    }

    for (JsonNode placed : onVersion1) {
      JsonNode saga = awaitSaga(placed.get("sagaId").asText());
      assertThat(saga.get("state").asText()).isEqualTo("COMPLETED");
      assertThat(saga.get("definitionVersion").asInt()).isEqualTo(1);
      assertThat(saga.get("history").toString()).doesNotContain("RequestRiskReview");
      assertThat(RiskReviewEndToEndIT.reviewStatus(placed.get("orderId").asText())).isEqualTo(404);
    }
    JsonNode onVersion2 = place(order(customer, sku, 2, "card"));
    String orderId = onVersion2.get("orderId").asText();
    assertThat(RiskReviewEndToEndIT.awaitReview(orderId).get("state").asText()).isEqualTo("PENDING");
    RiskReviewEndToEndIT.decide(orderId, "APPROVE", "fine");
    JsonNode saga = awaitSaga(onVersion2.get("sagaId").asText());
    assertThat(saga.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(saga.get("definitionVersion").asInt()).isEqualTo(2);
    assertThat(get("saga-orchestrator", "/api/sagas?type=converge.PlaceOrderSaga&limit=1000").toString())
        .contains(onVersion1.get(0).get("sagaId").asText(), onVersion2.get("sagaId").asText());
  }

  /** Waits until the saga has sent the command (its history shows it). */
  private static void awaitStep(String sagaId, String command) {
    await().atMost(Duration.ofSeconds(30)).until(() -> get("saga-orchestrator", "/api/sagas/{id}", sagaId)
        .get("history").toString().contains(command));
  }
}
