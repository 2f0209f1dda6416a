package io.converge.order.ordering;

import io.converge.contracts.order.OrderEvent;
import io.converge.order.ordering.domain.Order;
import io.converge.order.ordering.domain.OrderState;

/** The published event that says what a change did to an order. */
final class OrderEvents {

  private OrderEvents() {
  }

  /** @param before the order before the change; null when the change created it */
  static OrderEvent of(Order before, Order after, long occurredAtEpochMillis) {
    String id = after.id();
    long version = after.version();
    return switch (after.state()) {
      case PENDING -> new OrderEvent.Placed(id, version, after.customerId(), after.paymentMethod(), after.lines(),
          occurredAtEpochMillis);
      case APPROVED -> before != null && before.state() == OrderState.CANCELLATION_PENDING
          ? new OrderEvent.CancellationUndone(id, version, occurredAtEpochMillis)
          : new OrderEvent.Approved(id, version, after.total(), occurredAtEpochMillis);
      case REJECTED -> new OrderEvent.Rejected(id, version, after.reason(), occurredAtEpochMillis);
      case CANCELLATION_PENDING ->
          new OrderEvent.CancellationBegun(id, version, after.cancellationId(), occurredAtEpochMillis);
      case CANCELLED -> new OrderEvent.Cancelled(id, version, occurredAtEpochMillis);
    };
  }
}
