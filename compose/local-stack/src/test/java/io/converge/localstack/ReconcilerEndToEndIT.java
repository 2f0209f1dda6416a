package io.converge.localstack;

import static io.converge.localstack.TestSystem.awaitSaga;
import static io.converge.localstack.TestSystem.newCustomer;
import static io.converge.localstack.TestSystem.newProduct;
import static io.converge.localstack.TestSystem.order;
import static io.converge.localstack.TestSystem.place;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

  private static JsonNode check() {
    return TestSystem.http("saga-orchestrator").post().uri("/api/consistency/check").retrieve().body(JsonNode.class);
  }

  private static List<JsonNode> violationsOf(JsonNode report, JsonNode accepted) {
    return StreamSupport.stream(report.get("violations").spliterator(), false)
        .filter(v -> v.get("sagaId").asText().equals(accepted.get("sagaId").asText())).toList();
  }
}
