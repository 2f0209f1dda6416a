package io.converge.contracts.order;

import io.converge.contracts.WireName;

/** Success reply to {@link ApproveOrder}. */
@WireName("order.OrderApproved")
public record OrderApproved(String orderId) {
}
