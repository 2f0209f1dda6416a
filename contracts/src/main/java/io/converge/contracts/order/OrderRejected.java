package io.converge.contracts.order;

import io.converge.contracts.WireName;

/** Success reply to {@link RejectOrder}. */
@WireName("order.OrderRejected")
public record OrderRejected(String orderId) {
}
