package io.converge.orchestrator.reconciler;

import com.fasterxml.jackson.databind.JsonNode;
import io.converge.orchestrator.timeouts.SagaPolicyProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.converge.service.scheduling.PeriodicTask;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Checks, through each service's own API, that what the sagas decided is what the services hold: an APPROVED order
 * has its stock reserved, its credit reserved and one authorized payment; a REJECTED order has none of them
 * outstanding; no stock or credit is reserved and no payment authorized for an order that order-service does not have;
 * and no saga is still running past its deadline. Reports each violation with its age, as a metric too.
 */
@Component
class ConsistencyReconciler extends PeriodicTask {

  private static final Logger log = LoggerFactory.getLogger(ConsistencyReconciler.class);

  private record Saga(String sagaId, String orderId, String state, long ageMillis) {
  }

  /** Where a participant lists what it holds per order, and the status that means it is held. */
  private record Holdings(String invariant, RestClient service, String path, String heldStatus) {
  }

  private final JdbcTemplate jdbc;
  private final ReconcilerProperties properties;
  private final long deadlineMillis;
  private final RestClient orders;
  private final RestClient inventory;
  private final RestClient customers;
  private final RestClient payments;
  private final Retry retry = Retry.of("reconciler-read", RetryConfig.custom().maxAttempts(3)
      .waitDuration(Duration.ofMillis(100)).retryExceptions(ResourceAccessException.class).build());
  private final List<Holdings> holdings;
  private volatile ConsistencyReport last = new ConsistencyReport(Instant.EPOCH, 0, List.of());

  ConsistencyReconciler(JdbcTemplate jdbc, ReconcilerProperties properties, SagaPolicyProperties policies,
                        MeterRegistry meterRegistry) {
    super("consistency-reconciler", properties.interval());
    this.jdbc = jdbc;
    this.properties = properties;
    this.deadlineMillis = policies.deadline().toMillis();
    this.orders = RestClient.create(properties.orderService());
    this.inventory = RestClient.create(properties.inventoryService());
    this.customers = RestClient.create(properties.customerService());
    this.payments = RestClient.create(properties.paymentService());
    this.holdings = List.of(
        new Holdings("STOCK_WITHOUT_ORDER", inventory, "/api/stock-reservations", "RESERVED"),
        new Holdings("CREDIT_WITHOUT_ORDER", customers, "/api/credit-reservations", "RESERVED"),
        new Holdings("PAYMENT_WITHOUT_ORDER", payments, "/api/payments", "AUTHORIZED"));
    Gauge.builder("converge.reconciler.violations", () -> last.violations().size())
        .description("Cross-service invariants violated at the last check").register(meterRegistry);
    Gauge.builder("converge.reconciler.violations.older_than_deadline",
            () -> last.violations().stream().filter(Violation::olderThanDeadline).count())
        .register(meterRegistry);
  }

  ConsistencyReport lastReport() {
    return last;
  }

  /** Checks now; null arguments take the configured {@code maxSagas} and {@code window}. */
  synchronized ConsistencyReport check(Integer maxSagasOrNull, Duration windowOrNull) {
    int maxSagas = maxSagasOrNull == null ? properties.maxSagas() : maxSagasOrNull;
    Duration window = windowOrNull == null ? properties.window() : windowOrNull;
    List<Saga> sagas = jdbc.query("SELECT saga_id, order_id, state, TIMESTAMPDIFF(MICROSECOND, "
            + "COALESCE(ended_at, deadline_at), NOW(3)) DIV 1000 FROM saga_summary "
            + "WHERE (ended_at > DATE_SUB(NOW(3), INTERVAL ? MICROSECOND) AND state IN ('COMPLETED', 'COMPENSATED')) "
            + "OR (ended_at IS NULL AND deadline_at < NOW(3)) ORDER BY started_at DESC LIMIT ?",
        (rs, row) -> new Saga(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)),
        window.toMillis() * 1000, maxSagas);
    List<Violation> violations = new ArrayList<>();
    for (Saga saga : sagas) {
      try {
        checkSaga(saga, violations);
      } catch (RuntimeException e) {
        violations.add(violation(saga, "PARTICIPANT_UNREADABLE", e.toString()));
      }
    }
    for (Holdings held : holdings) {
      try {
        checkOrders(held, window, maxSagas, violations);
      } catch (RuntimeException e) {
        violations.add(new Violation(null, null, "PARTICIPANT_UNREADABLE", held.path() + ": " + e, 0, false));
      }
    }
    ConsistencyReport report = new ConsistencyReport(Instant.now(), sagas.size(), List.copyOf(violations));
    if (!violations.isEmpty()) {
      log.warn("Consistency check: {} violations in {} sagas", violations.size(), sagas.size());
    }
    return report;
  }

  private void checkSaga(Saga saga, List<Violation> violations) {
    if (!saga.state().equals("COMPLETED") && !saga.state().equals("COMPENSATED")) {
      violations.add(violation(saga, "TERMINAL_BY_DEADLINE", "saga is " + saga.state() + " past its deadline"));
      return;
    }
    boolean approved = saga.state().equals("COMPLETED");
    String orderState = read(orders, "/api/orders/{id}", saga.orderId()).map(o -> o.path("state").asText())
        .orElse("MISSING");
    String stock = read(inventory, "/api/stock-reservations/{id}", saga.orderId())
        .map(r -> r.path("status").asText()).orElse("NONE");
    String credit = read(customers, "/api/credit-reservations/{id}", saga.orderId())
        .map(r -> r.path("status").asText()).orElse("NONE");
    long authorized = read(payments, "/api/payments?orderId={id}", saga.orderId())
        .map(list -> StreamSupport.stream(list.spliterator(), false)
            .filter(p -> p.path("status").asText().equals("AUTHORIZED")).count()).orElse(0L);
    String expectedOrder = approved ? "APPROVED" : "REJECTED";
    if (!orderState.equals(expectedOrder)) {
      violations.add(violation(saga, "ORDER_STATE", "order is " + orderState + ", saga says " + expectedOrder));
    }
    if (approved != stock.equals("RESERVED")) {
      violations.add(violation(saga, "STOCK_RESERVATION", "stock reservation is " + stock));
    }
    if (approved != credit.equals("RESERVED")) {
      violations.add(violation(saga, "CREDIT_RESERVATION", "credit reservation is " + credit));
    }
    if (authorized != (approved ? 1 : 0)) {
      violations.add(violation(saga, "PAYMENT", authorized + " authorized payments"));
    }
  }

  /** What a participant took hold of within the window must belong to an order that order-service has. */
  private void checkOrders(Holdings held, Duration window, int limit, List<Violation> violations) {
    Instant now = Instant.now();
    JsonNode changes = retry.executeSupplier(() -> held.service().get()
        .uri(held.path() + "?status={held}&changedSince={since}&limit={limit}", held.heldStatus(), now.minus(window),
            limit)
        .retrieve().body(JsonNode.class));
    for (JsonNode change : changes) {
      String orderId = change.path("orderId").asText();
      if (read(orders, "/api/orders/{id}", orderId).isEmpty()) {
        long ageMillis = Duration.between(Instant.parse(change.path("changedAt").asText()), now).toMillis();
        String sagaId = jdbc.query("SELECT saga_id FROM saga_summary WHERE order_id = ?", (rs, row) -> rs.getString(1),
            orderId).stream().findFirst().orElse(null);
        violations.add(new Violation(sagaId, orderId, held.invariant(), held.path() + " holds it "
            + held.heldStatus() + " but order-service has no order " + orderId, ageMillis, ageMillis > deadlineMillis));
      }
    }
  }

  private Violation violation(Saga saga, String invariant, String detail) {
    return new Violation(saga.sagaId(), saga.orderId(), invariant, detail, saga.ageMillis(),
        saga.ageMillis() > deadlineMillis);
  }

  /** Reads a participant's view; a dropped pooled connection (the participant restarted) is retried. */
  private Optional<JsonNode> read(RestClient client, String path, String orderId) {
    return retry.executeSupplier(() -> client.get().uri(path, orderId).exchange((request, response) ->
        response.getStatusCode().value() == 404 ? Optional.<JsonNode>empty()
            : Optional.ofNullable(response.bodyTo(JsonNode.class))));
  }

  @Override
  protected boolean enabled() {
    return properties.enabled();
  }

  @Override
  protected void runOnce() {
    // Only the periodic check feeds the last report and the metrics: an ad-hoc check over another range would make
    // alerts jump.
    last = check(null, null);
  }
}
