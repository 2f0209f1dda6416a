package io.converge.orderhistory.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One order as every service's events told it: what it is, each service's part in it, and the facts in the order they
 * happened, with the sagas that drove it. {@code orderVersion} counts the order's own changes (1 when placed).
 */
record OrderHistoryView(String orderId, String customerId, String paymentMethod, String state,
                        String rejectionReason, BigDecimal total, JsonNode lines, Instant placedAt,
                        Instant updatedAt, long orderVersion, Facet stock, Facet credit, Facet payment,
                        List<Saga> sagas, List<TimelineEntry> timeline, ReadPosition readModel) {

  /** One service's part: its state, an amount where there is one, its details where it has some. */
  record Facet(String state, BigDecimal amount, JsonNode detail) {
  }

  /** A saga that drove the order (placing it, cancelling it), in its newest state the model has read. */
  record Saga(String sagaId, String type, Integer definitionVersion, String state, String reason, Instant startedAt,
              Instant deadlineAt, Instant changedAt) {
  }

  record TimelineEntry(Instant at, String event, JsonNode detail) {
  }
}
