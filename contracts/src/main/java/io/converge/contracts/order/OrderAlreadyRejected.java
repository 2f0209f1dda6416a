package io.converge.contracts.order;

import io.converge.contracts.RejectionReason;
import io.converge.contracts.WireName;

/** Failure reply to {@link ApproveOrder}: the order was rejected before (for this reason), so it is not approved. */
@WireName("order.OrderAlreadyRejected")
public record OrderAlreadyRejected(String orderId, RejectionReason reason) {
}
