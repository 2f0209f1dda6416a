package io.converge.contracts.order;

import io.converge.contracts.OrderLine;
import io.converge.contracts.RejectionReason;
import io.converge.contracts.WireName;
import io.converge.contracts.events.PublishedEvent;
import io.converge.contracts.events.Upcasts;
import java.math.BigDecimal;
import java.util.List;

/** What happens to an order, as order-service publishes it (aggregate id: the order id). */
public sealed interface OrderEvent extends PublishedEvent {

  String CHANNEL = "converge.events.order";

  String orderId();

  @Override
  default String aggregateId() {
    return orderId();
  }

  /** The first version: no lines and no payment method. Read as {@link Placed} with none. */
  @WireName("order.event.Placed.v1")
  record PlacedV1(String orderId, long version, String customerId, long occurredAtEpochMillis)
      implements OrderEvent, Upcasts<Placed> {

    @Override
    public Placed upcast() {
      return new Placed(orderId, version, customerId, null, List.of(), occurredAtEpochMillis);
    }
  }

  @WireName("order.event.Placed.v2")
  record Placed(String orderId, long version, String customerId, String paymentMethod, List<OrderLine> lines,
                long occurredAtEpochMillis) implements OrderEvent {
  }

  @WireName("order.event.Approved.v1")
  record Approved(String orderId, long version, BigDecimal total, long occurredAtEpochMillis) implements OrderEvent {
  }

  @WireName("order.event.Rejected.v1")
  record Rejected(String orderId, long version, RejectionReason reason, long occurredAtEpochMillis)
      implements OrderEvent {
  }

  @WireName("order.event.CancellationBegun.v1")
  record CancellationBegun(String orderId, long version, String cancellationId, long occurredAtEpochMillis)
      implements OrderEvent {
  }

  /** Back to APPROVED: the cancellation was undone. */
  @WireName("order.event.CancellationUndone.v1")
  record CancellationUndone(String orderId, long version, long occurredAtEpochMillis) implements OrderEvent {
  }

  @WireName("order.event.Cancelled.v1")
  record Cancelled(String orderId, long version, long occurredAtEpochMillis) implements OrderEvent {
  }
}
