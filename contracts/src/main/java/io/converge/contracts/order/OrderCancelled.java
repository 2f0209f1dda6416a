package io.converge.contracts.order;

import io.converge.contracts.WireName;

/** Success reply to {@link ConfirmCancellation}. */
@WireName("order.OrderCancelled")
public record OrderCancelled(String orderId) {
}
