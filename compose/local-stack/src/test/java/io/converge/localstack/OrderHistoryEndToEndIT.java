package io.converge.localstack;

import static io.converge.localstack.TestSystem.awaitSaga;
import static io.converge.localstack.TestSystem.newCustomer;
import static io.converge.localstack.TestSystem.newProduct;
import static io.converge.localstack.TestSystem.order;
import static io.converge.localstack.TestSystem.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The query side end to end: orders placed through the saga appear in the order history, in PostgreSQL, with every
 * service's facts, from their domain events alone, within the read model's stated lag (docs/consistency.md).
 */
class OrderHistoryEndToEndIT {

  /** The lag the read model promises under normal load, with room for a loaded CI machine. */
  private static final Duration LAG_BOUND = Duration.ofSeconds(10);

  @BeforeAll
  static void system() {
    TestSystem.get();
  }

  @Test
  void anApprovedOrderShowsEveryServicesPartAndCountsInTheCustomersSpend() {
    String customer = newCustomer("100.00");
    String sku = newProduct("10.00", 5);
    JsonNode accepted = place(order(customer, sku, 2, "card"));
    assertThat(awaitSaga(accepted.get("sagaId").asText()).get("state").asText()).isEqualTo("COMPLETED");
    String orderId = accepted.get("orderId").asText();

    JsonNode history = awaitHistory(orderId, 2);
    assertThat(history.get("state").asText()).isEqualTo("APPROVED");
    assertThat(history.get("customerId").asText()).isEqualTo(customer);
    assertThat(history.get("total").decimalValue()).isEqualByComparingTo("20.00");
    assertThat(history.at("/lines/0/sku").asText()).isEqualTo(sku);
    assertThat(history.at("/stock/state").asText()).isEqualTo("RESERVED");
    assertThat(history.at("/credit/state").asText()).isEqualTo("RESERVED");
    assertThat(history.at("/credit/amount").decimalValue()).isEqualByComparingTo("20.00");
    assertThat(history.at("/payment/state").asText()).isEqualTo("AUTHORIZED");
    assertThat(history.get("timeline")).extracting(e -> e.get("event").asText()).contains("order.event.Placed.v2",
        "stock.event.Reserved.v1", "credit.event.Reserved.v1", "payment.event.Authorized.v1",
        "order.event.Approved.v1");

    await().atMost(LAG_BOUND).untilAsserted(() -> {
      // The saga's own events arrive on their own channel, at their own pace.
      JsonNode sagas = history("/api/order-history/{id}", orderId).get("sagas");
      assertThat(sagas).hasSize(1);
      assertThat(sagas.at("/0/sagaId").asText()).isEqualTo(accepted.get("sagaId").asText());
      assertThat(sagas.at("/0/type").asText()).isEqualTo("converge.PlaceOrderSaga");
      assertThat(sagas.at("/0/state").asText()).isEqualTo("COMPLETED");
      assertThat(sagas.at("/0/reason").asText()).isNotBlank();
    });
    await().atMost(LAG_BOUND).untilAsserted(() -> {
      JsonNode orders = history("/api/customers/{id}/orders", customer);
      assertThat(orders.get("creditLimit").decimalValue()).isEqualByComparingTo("100.00");
      assertThat(orders.get("spend").decimalValue()).isEqualByComparingTo("20.00");
      assertThat(orders.get("openCredit").decimalValue()).isEqualByComparingTo("20.00");
      assertThat(orders.get("orders")).extracting(o -> o.get("orderId").asText()).containsExactly(orderId);
    });
  }

  @Test
  void aCompensatedOrderShowsWhatWasUndone() {
    String customer = newCustomer("100.00");
    String sku = newProduct("10.00", 5);
    JsonNode accepted = place(order(customer, sku, 1, "card-declined"));
    assertThat(awaitSaga(accepted.get("sagaId").asText()).get("state").asText()).isEqualTo("COMPENSATED");
    String orderId = accepted.get("orderId").asText();

    await().atMost(LAG_BOUND).untilAsserted(() -> {
      JsonNode history = history("/api/order-history/{id}", orderId);
      assertThat(history.get("state").asText()).isEqualTo("REJECTED");
      assertThat(history.get("rejectionReason").asText()).isEqualTo("PAYMENT_DECLINED");
      assertThat(history.at("/stock/state").asText()).isEqualTo("RELEASED");
      assertThat(history.at("/credit/state").asText()).isEqualTo("RELEASED");
      assertThat(history.at("/payment/state").asText()).isEqualTo("DECLINED");
      assertThat(history.at("/sagas/0/state").asText()).isEqualTo("COMPENSATED");
    });
    JsonNode orders = history("/api/customers/{id}/orders?state=REJECTED", customer);
    assertThat(orders.get("openCredit").decimalValue()).isEqualByComparingTo("0");
    assertThat(orders.get("spend").decimalValue()).isEqualByComparingTo("0");
    assertThat(orders.get("orders")).extracting(o -> o.get("orderId").asText()).containsExactly(orderId);
  }

  /** Values the read model's database would refuse are refused first, with a 400 problem, not a 500. */
  @Test
  void idsAndInstantsTheDatabaseWouldRefuseAre400() throws Exception {
    String base = TestSystem.get().url("order-history-service");
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    for (String path : java.util.List.of("/api/order-history?orderIds=a%00b", "/api/order-history/a%01b",
        "/api/customers/alice/orders?from=%2B300000-01-01T00:00:00Z",
        "/api/customers/alice/orders?to=-100000-01-01T00:00:00Z", "/api/customers/al%01ice/orders")) {
      java.net.http.HttpResponse<String> response = http.send(java.net.http.HttpRequest.newBuilder(
              java.net.URI.create(base + path)).header("Authorization", "Bearer " + TestSystem.VIEWER_TOKEN).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
    }
  }

  private static JsonNode awaitHistory(String orderId, int version) {
    JsonNode history = history("/api/order-history/{id}?minVersion={v}&waitMillis=" + LAG_BOUND.toMillis(), orderId,
        version);
    assertThat(history.at("/readModel/caughtUp").asBoolean()).as("caught up within %s", LAG_BOUND).isTrue();
    return history;
  }

  private static JsonNode history(String path, Object... variables) {
    return TestSystem.viewer("order-history-service").get().uri(path, variables).retrieve().body(JsonNode.class);
  }
}
