package io.converge.localstack;

import static io.converge.localstack.TestSystem.get;
import static io.converge.localstack.TestSystem.newCustomer;
import static io.converge.localstack.TestSystem.newProduct;
import static io.converge.localstack.TestSystem.order;
import static io.converge.localstack.TestSystem.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** A compensation no participant confirms parks the saga; an operator resumes it once the participant is back. */
class ParkedSagasEndToEndIT {

  @BeforeAll
  static void startSystem() {
    TestSystem.get();
  }

  @Test
  void anUnconfirmedCompensationParksTheSagaAndAnOperatorResumesIt() {
    String customer = newCustomer("100.00");
    String sku = newProduct("10.00", 10);
    RunningSystem system = TestSystem.get();
    system.stop("payment-service");
    String sagaId;
    try {
      sagaId = place(order(customer, sku, 1, "card")).get("sagaId").asText();
      String id = sagaId;
      await().atMost(Duration.ofSeconds(10)).until(() -> hasStep(saga(id), "REPLY_RECEIVED", "customer.CreditReserved"));
      // Payment times out and the saga compensates; with inventory down, ReleaseStock goes unconfirmed.
      system.stop("inventory-service");
      try {
        await().atMost(Duration.ofSeconds(40)).until(() -> saga(id).get("state").asText().equals("NEEDS_ATTENTION"));
        JsonNode parked = saga(sagaId);
        assertThat(parked.get("attention").asText()).contains("inventory.ReleaseStock");
        assertThat(get("saga-orchestrator", "/api/sagas?state=NEEDS_ATTENTION").toString()).contains(sagaId);
        assertThat(act(sagaId, "retry", null)).isEqualTo(401);
        assertThat(act(sagaId, "retry", "wrong-token")).isEqualTo(401);
        assertThat(act(sagaId, "retry", TestSystem.VIEWER_TOKEN)).isEqualTo(403);
        assertThat(act(sagaId, "retry", TestSystem.OPERATOR_TOKEN)).isEqualTo(202);
        assertThat(saga(sagaId).get("state").asText()).isEqualTo("COMPENSATING");
      } finally {
        system.restart("inventory-service");
      }
    } finally {
      system.restart("payment-service");
    }

    String id = sagaId;
    await().atMost(Duration.ofSeconds(30)).until(() -> saga(id).get("state").asText().equals("COMPENSATED"));
    assertThat(get("inventory-service", "/api/products/{sku}", sku).get("reserved").asInt()).isZero();
    assertThat(hasStep(saga(id), "OPERATOR_RETRY", null)).isTrue();
    assertThat(StreamSupport.stream(saga(id).get("history").spliterator(), false)
        .filter(step -> step.get("kind").asText().equals("OPERATOR_RETRY")).findFirst().orElseThrow()
        .get("participant").asText()).isEqualTo(TestSystem.OPERATOR);
    assertThat(act(sagaId, "resolve", TestSystem.OPERATOR_TOKEN)).as("only a parked saga can be resolved").isEqualTo(409);
  }

  /** Longer than the history's text column (255): the history shows it shortened, the audit trail whole. */
  private static final String LONG_COMMENT = "inventory is back; " + "checked the stock by hand. ".repeat(11);

  private static int act(String sagaId, String action, String token) {
    var request = TestSystem.anonymous("saga-orchestrator").post().uri("/api/sagas/{id}/{action}", sagaId, action)
        .contentType(MediaType.APPLICATION_JSON).body(Map.of("comment", LONG_COMMENT));
    if (token != null) {
      request = request.header("Authorization", "Bearer " + token);
    }
    return request.exchange((req, response) -> response.getStatusCode().value());
  }

  private static JsonNode saga(String sagaId) {
    return get("saga-orchestrator", "/api/sagas/{id}", sagaId);
  }

  private static boolean hasStep(JsonNode saga, String kind, String messageType) {
    return StreamSupport.stream(saga.get("history").spliterator(), false)
        .anyMatch(step -> step.get("kind").asText().equals(kind)
            && (messageType == null || step.get("messageType").asText().equals(messageType)));
  }
}
