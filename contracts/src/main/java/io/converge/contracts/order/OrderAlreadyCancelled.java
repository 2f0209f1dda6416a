package io.converge.contracts.order;

import io.converge.contracts.CompensationRefused;
import io.converge.contracts.WireName;

/** Failure reply to {@link UndoCancellation}: the cancellation was confirmed, and a cancelled order stays cancelled. */
@WireName("order.OrderAlreadyCancelled")
public record OrderAlreadyCancelled(String orderId) implements CompensationRefused {

  @Override
  public String fact() {
    return "order " + orderId + " is CANCELLED at order-service; its cancellation cannot be undone";
  }
}
