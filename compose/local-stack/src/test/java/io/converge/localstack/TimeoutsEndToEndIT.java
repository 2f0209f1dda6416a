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
import io.converge.devinfra.KafkaWireClient;
import io.converge.devinfra.WireMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bounded time: a participant down for longer than its step's timeout, and late replies. */
class TimeoutsEndToEndIT {

  @BeforeAll
  static void startSystem() {
    TestSystem.get();
  }

  @Test
  void aParticipantDownPastItsTimeoutIsRetriedThenCompensatedAndItsLateEffectIsUndone() {
    String customer = newCustomer("100.00");
    String sku = newProduct("10.00", 10);
    TestSystem.get().stop("payment-service");
    JsonNode accepted;
    JsonNode saga;
    try {
      accepted = place(order(customer, sku, 1, "card"));
      // The last attempt may wait up to twice payment-service's recent p99 reply time (a backlog is not a loss),
      // which earlier tests that stopped it may have raised; the cap is max-backoff (30 s).
      saga = TestSystem.awaitTerminal(accepted.get("sagaId").asText(), Duration.ofSeconds(60));
    } finally {
      TestSystem.get().restart("payment-service");
    }

    assertThat(saga.get("state").asText()).isEqualTo("COMPENSATED");
    assertThat(saga.get("reason").asText()).isEqualTo("STEP_TIMED_OUT");
    assertThat(kinds(saga, "COMMAND_SENT", "payment.AuthorizePayment")).as("sent, then retried once").hasSize(2);
    assertThat(kinds(saga, "STEP_TIMED_OUT", "payment.AuthorizePayment")).hasSize(1);
    assertThat(get("inventory-service", "/api/products/{sku}", sku).get("reserved").asInt()).isZero();
    assertThat(get("customer-service", "/api/customers/{id}", customer).get("available").decimalValue())
        .isEqualByComparingTo("100.00");
    String orderId = accepted.get("orderId").asText();
    assertThat(get("order-service", "/api/orders/{id}", orderId).get("reason").asText()).isEqualTo("STEP_TIMED_OUT");
    // Back up, the payment service handles the commands that waited for it; whichever order they come in, no
    // authorization stays in effect, and its replies reach the saga as dropped, never as a step.
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonNode payments = get("payment-service", "/api/payments?orderId={id}", orderId);
      assertThat(payments).hasSize(1);
      assertThat(payments.get(0).get("status").asText()).isEqualTo("VOIDED");
      assertThat(kinds(awaitSaga(accepted.get("sagaId").asText()), "REPLY_DROPPED", null)).isNotEmpty();
    });
    assertThat(awaitSaga(accepted.get("sagaId").asText()).get("state").asText()).isEqualTo("COMPENSATED");
  }

  @Test
  void thePivotIsAskedAgainWhileItsParticipantIsDownAndNeverCompensated() throws Exception {
    String customer = newCustomer("100.00");
    String sku = newProduct("10.00", 10);
    // The saga waits at its credit step (the customer's account locked, for less than that step's two attempts), so
    // that order-service is surely stopped before the pivot reaches it: a whole saga takes a tenth of a second.
    CompletableFuture<Void> creditHeld = CompletableFuture.runAsync(() -> {
      try {
        Faults.holdCustomerFor(customer, 2_500);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(300);
    JsonNode accepted = place(order(customer, sku, 1, "card"));
    String sagaId = accepted.get("sagaId").asText();
    await().atMost(Duration.ofSeconds(10)).until(() -> !kinds(get("saga-orchestrator", "/api/sagas/{id}", sagaId),
        "REPLY_RECEIVED", "order.OrderCreated").isEmpty());
    TestSystem.get().stop("order-service");
    creditHeld.join();
    try {
      // Stock, credit and payment go on; ApproveOrder (the pivot) meets a stopped order-service, longer than several
      // of its timeouts and longer than the compensatable steps' attempts would allow. Its timeouts follow
      // order-service's recent reply times (up to 30 s), which a test before this one (an orchestrator restarted with
      // sagas in flight, say) may have made long.
      await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
        JsonNode saga = get("saga-orchestrator", "/api/sagas/{id}", sagaId);
        assertThat(kinds(saga, "COMMAND_SENT", "order.ApproveOrder")).as("saga %s", saga).hasSizeGreaterThanOrEqualTo(3);
      });
    } finally {
      TestSystem.get().restart("order-service");
    }

    JsonNode saga = awaitSaga(sagaId);
    assertThat(saga.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(saga.get("reason").asText()).isEqualTo("ORDER_APPROVED");
    assertThat(kinds(saga, "STEP_TIMED_OUT", null)).isEmpty();
    assertThat(kinds(saga, "COMMAND_SENT", "payment.VoidPayment")).isEmpty();
    assertThat(get("order-service", "/api/orders/{id}", accepted.get("orderId").asText()).get("state").asText())
        .isEqualTo("APPROVED");
    assertThat(get("customer-service", "/api/customers/{id}", customer).get("available").decimalValue())
        .isEqualByComparingTo("90.00");
  }

  @Test
  void aReplyToAStepTheSagaHasMovedPastIsRecordedAndDropped() throws InterruptedException {
    String customer = newCustomer("100.00");
    String sku = newProduct("10.00", 10);
    JsonNode accepted = place(order(customer, sku, 1, "card"));
    String sagaId = accepted.get("sagaId").asText();
    assertThat(awaitSaga(sagaId).get("state").asText()).isEqualTo("COMPLETED");

    try (KafkaWireClient wire = new KafkaWireClient(TestSystem.get().kafkaBootstrap())) {
      WireMessage stockReserved = wire.await(TestSystem.PLACE_ORDER_REPLIES,
          m -> sagaId.equals(m.header("commandreply_saga_id")) && "inventory.StockReserved".equals(
              m.header("reply_type")), 1, Duration.ofSeconds(10)).get(0);
      // The same reply under a new message id: duplicate detection cannot catch it, correlation must.
      Map<String, String> headers = new HashMap<>(stockReserved.headers());
      headers.put("ID", UUID.randomUUID().toString());
      wire.send(stockReserved.topic(), stockReserved.key(), headers, stockReserved.payload());
    }

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(kinds(awaitSaga(sagaId), "REPLY_DROPPED", "inventory.StockReserved")).hasSize(1));
    JsonNode saga = awaitSaga(sagaId);
    assertThat(saga.get("state").asText()).isEqualTo("COMPLETED");
    assertThat(kinds(saga, "COMMAND_SENT", null)).hasSize(5);
    assertThat(get("customer-service", "/api/customers/{id}", customer).get("available").decimalValue())
        .isEqualByComparingTo("90.00");
  }

  private static List<JsonNode> kinds(JsonNode saga, String kind, String messageType) {
    return StreamSupport.stream(saga.get("history").spliterator(), false)
        .filter(step -> step.get("kind").asText().equals(kind))
        .filter(step -> messageType == null || step.get("messageType").asText().equals(messageType))
        .toList();
  }
}
