package io.converge.localstack;

import static io.converge.localstack.TestSystem.newCustomer;
import static io.converge.localstack.TestSystem.newProduct;
import static io.converge.localstack.TestSystem.order;
import static io.converge.localstack.TestSystem.place;

import com.fasterxml.jackson.databind.JsonNode;
import io.converge.devinfra.WireMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.web.client.RestClient;

/**
 * Sagas placed for one customer and one product during a fault, and what the fault suite counts about them once the
 * system has settled: lost, past deadline, double effects, reconciler violations.
 */
record SagaBatch(String customer, String sku, List<String> sagaIds, Set<String> orderIds) {

  private static final Set<String> TERMINAL = Set.of("COMPLETED", "COMPENSATED");

  /** A customer and a product with room for any number of one-unit orders. */
  static SagaBatch open() {
    return new SagaBatch(newCustomer("100000000.00"), newProduct("1.00", 100_000_000),
        Collections.synchronizedList(new ArrayList<>()), Collections.synchronizedSet(new HashSet<>()));
  }

  /** Places one order; one in five has its payment declined, so both outcomes are exercised. */
  void placeOne(int sequence) {
    placeOne(TestSystem.http("saga-orchestrator"), sequence);
  }

  /** As {@link #placeOne(int)}, through this orchestrator instance. */
  void placeOne(RestClient orchestrator, int sequence) {
    JsonNode accepted = place(orchestrator, order(customer, sku, 1, sequence % 5 == 0 ? "card-declined" : "card"));
    orderIds.add(accepted.get("orderId").asText());
    sagaIds.add(accepted.get("sagaId").asText());
  }

  boolean mentions(WireMessage message) {
    return orderIds.stream().anyMatch(message.payload()::contains)
        || sagaIds.contains(message.header("commandreply_saga_id"));
  }

  long inFlight() {
    return countSagas("ended_at IS NULL");
  }

  /** Waits for every saga to end (up to 100 s each) and counts those that did not: lost. */
  long lost() {
    return List.copyOf(sagaIds).stream().filter(id -> !TERMINAL.contains(awaitEnd(id))).count();
  }

  private static String awaitEnd(String sagaId) {
    String state = TestSystem.awaitSaga(sagaId).get("state").asText();
    for (int i = 0; i < 4 && !TERMINAL.contains(state); i++) {
      state = TestSystem.awaitSaga(sagaId).get("state").asText();
    }
    return state;
  }

  long pastDeadline() {
    return countSagas("ended_at IS NULL OR ended_at > deadline_at");
  }

  /** A participant's running totals against its per-order rows: any effect applied twice shows as a difference. */
  long doubleEffects() {
    JsonNode account = TestSystem.get("customer-service", "/api/customers/{id}", customer);
    BigDecimal heldByTheAccount = account.get("creditLimit").decimalValue().subtract(account.get("available")
        .decimalValue());
    BigDecimal heldByOrders = TestSystem.jdbc("customer-service").queryForObject("SELECT COALESCE(SUM(amount), 0) "
        + "FROM credit_reservations WHERE customer_id = ? AND status = 'RESERVED'", BigDecimal.class, customer);
    long credit = heldByTheAccount.compareTo(heldByOrders) == 0 ? 0 : 1;
    long stock = TestSystem.jdbc("inventory-service").queryForObject("SELECT COUNT(*) FROM products p WHERE p.sku = ? "
        + "AND p.reserved <> (SELECT COALESCE(SUM(l.quantity), 0) FROM stock_reservation_lines l "
        + "JOIN stock_reservations r ON r.order_id = l.order_id WHERE l.sku = p.sku AND r.status = 'RESERVED')",
        Long.class, sku);
    Set<String> orders = Set.copyOf(orderIds);
    long approvedOrders = TestSystem.jdbc("order-service").queryForObject("SELECT COUNT(*) FROM orders WHERE "
        + "state = 'APPROVED' AND id IN (" + placeholders(orders) + ")", Long.class, orders.toArray());
    long authorized = TestSystem.jdbc("payment-service").queryForObject("SELECT COUNT(*) FROM payments WHERE "
        + "status = 'AUTHORIZED' AND order_id IN (" + placeholders(orders) + ")", Long.class, orders.toArray());
    return credit + stock + Math.abs(approvedOrders - authorized);
  }

  /**
   * The reconciler's violations for these sagas once the system has settled (participants that were down may still
   * be handling late commands), each as "invariant: detail".
   */
  List<String> settledViolations() throws InterruptedException {
    // The check looks at sagas once they have been over for the reconciler's settle time.
    Thread.sleep(TestSystem.RECONCILER_SETTLE_SECONDS * 1_000L);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    List<String> violations = violations();
    while (!violations.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(1_000);
      violations = violations();
    }
    return violations;
  }

  private List<String> violations() {
    JsonNode report = TestSystem.consistencyCheck(sagaIds.size() + 1_000);
    List<String> found = new ArrayList<>();
    for (JsonNode violation : report.get("violations")) {
      if (sagaIds.contains(violation.path("sagaId").asText())
          || orderIds.contains(violation.path("businessKey").asText())) {
        found.add(violation.get("invariant").asText() + ": " + violation.get("detail").asText());
      }
    }
    return found;
  }

  long historyCount(String condition) {
    List<String> ids = List.copyOf(sagaIds);
    if (ids.isEmpty()) {
      return 0;
    }
    return TestSystem.jdbc("saga-orchestrator").queryForObject("SELECT COUNT(*) FROM saga_history WHERE saga_id IN ("
        + placeholders(ids) + ") AND (" + condition + ")", Long.class, ids.toArray());
  }

  private long countSagas(String condition) {
    List<String> ids = List.copyOf(sagaIds);
    if (ids.isEmpty()) {
      return 0;
    }
    return TestSystem.jdbc("saga-orchestrator").queryForObject("SELECT COUNT(*) FROM saga_summary WHERE saga_id IN ("
        + placeholders(ids) + ") AND (" + condition + ")", Long.class, ids.toArray());
  }

  /**
   * Dead letters in every database of a service with an outbox (the order history has none: it skips what it cannot
   * read).
   */
  static long deadLetters() {
    long total = 0;
    for (RunningSystem.Service service : RunningSystem.SERVICES) {
      if (service.inPostgres()) {
        continue;
      }
      total += TestSystem.jdbc(service.name()).queryForObject("SELECT COUNT(*) FROM dead_letters", Long.class);
    }
    return total;
  }

  /** After a fault, the system must complete a fresh saga again before anything else is measured. */
  static void awaitHealthy() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode saga = TestSystem.awaitSaga(place(order(newCustomer("10.00"), newProduct("1.00", 1), 1, "card"))
          .get("sagaId").asText());
      if (saga.get("state").asText().equals("COMPLETED")) {
        return;
      }
      Thread.sleep(1_000);
    }
    throw new AssertionError("The system did not recover from the fault within 90 s");
  }

  static String placeholders(Collection<?> values) {
    return String.join(",", Collections.nCopies(values.size(), "?"));
  }
}
