package io.converge.orderhistory.query;

import io.converge.service.security.ProtectedEndpoint;
import io.converge.service.security.ProtectedEndpoints;
import io.converge.service.web.Ids;
import io.converge.service.web.NotFoundException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The order history, from the read model alone. Every answer says how far the model had read. Read-your-writes: a
 * client that knows a version of the order (1 once it was placed; one more with each change of its state) passes
 * {@code minVersion}, and the answer waits, at most {@code waitMillis}, until the model has it.
 */
@RestController
class OrderHistoryController {

  private static final Duration POLL = Duration.ofMillis(25);
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  private final OrderHistoryQueries queries;

  OrderHistoryController(OrderHistoryQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/api/order-history/{orderId}")
  OrderHistoryView order(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String orderId,
                         @RequestParam(defaultValue = "0") @Min(0) long minVersion,
                         @RequestParam(defaultValue = "2000") @Min(0) @Max(10_000) long waitMillis)
      throws InterruptedException {
    boolean caughtUp = awaitVersion(orderId, minVersion, waitMillis);
    return queries.order(orderId, caughtUp).orElseThrow(() -> new NotFoundException("The order history has no order "
        + orderId + (minVersion > 0 ? " yet (waited " + waitMillis + " ms)" : "")));
  }

  /** The facts of these orders (at most 200), as the model holds them now: the reconciler's batch read. */
  @GetMapping(path = "/api/order-history", params = "orderIds")
  List<OrderFacts> facts(@RequestParam @Size(max = 200)
                         List<@Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String> orderIds) {
    return queries.facts(orderIds);
  }

  @GetMapping("/api/customers/{customerId}/orders")
  CustomerOrdersView customerOrders(
      @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String customerId,
      @RequestParam(required = false) @Pattern(regexp = "PENDING|APPROVED|REJECTED|CANCELLATION_PENDING|CANCELLED",
          message = "must be one of PENDING, APPROVED, REJECTED, CANCELLATION_PENDING, CANCELLED") String state,
      @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    return queries.customerOrders(customerId, state, withinCalendar("from", from), withinCalendar("to", to), page,
        size);
  }

  /** An instant the database's timestamps hold: PostgreSQL refuses years past 294276, and Java's dates overflow. */
  private static Instant withinCalendar(String name, Instant instant) {
    if (instant != null && (instant.isBefore(EARLIEST) || instant.isAfter(LATEST))) {
      throw new IllegalArgumentException(name + " must be between " + EARLIEST + " and " + LATEST);
    }
    return instant;
  }

  /** Whether the model reached {@code minVersion} of the order within the wait. */
  private boolean awaitVersion(String orderId, long minVersion, long waitMillis) throws InterruptedException {
    if (minVersion == 0) {
      return true;
    }
    long deadline = System.nanoTime() + Duration.ofMillis(waitMillis).toNanos();
    while (true) {
      Optional<Long> version = queries.orderVersion(orderId);
      if (version.isPresent() && version.get() >= minVersion) {
        return true;
      }
      if (System.nanoTime() >= deadline) {
        return false;
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /**
   * The history shows customers' orders and spend: for viewers and operators, not anonymous callers. Rebuilding it is
   * an operator's act.
   */
  @Bean
  static ProtectedEndpoints orderHistoryEndpoints() {
    return () -> List.of(ProtectedEndpoint.viewer(HttpMethod.GET, "/api/order-history"),
        ProtectedEndpoint.viewer(HttpMethod.GET, "/api/order-history/**"),
        ProtectedEndpoint.operator(HttpMethod.POST, "/api/order-history/rebuilds"),
        ProtectedEndpoint.viewer(HttpMethod.GET, "/api/customers/*/orders"));
  }
}
