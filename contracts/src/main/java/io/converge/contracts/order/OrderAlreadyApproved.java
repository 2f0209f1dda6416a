package io.converge.contracts.order;

import io.converge.contracts.CompensationRefused;
import io.converge.contracts.WireName;

/** Failure reply to {@link RejectOrder}: the order was approved, and an approved order is never rejected. */
@WireName("order.OrderAlreadyApproved")
public record OrderAlreadyApproved(String orderId) implements CompensationRefused {

  @Override
  public String fact() {
    return "order " + orderId + " is APPROVED at order-service; a rejection cannot undo an approval";
  }
}
