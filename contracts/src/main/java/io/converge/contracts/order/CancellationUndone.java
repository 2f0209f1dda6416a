package io.converge.contracts.order;

import io.converge.contracts.WireName;

/** Success reply to {@link UndoCancellation}. */
@WireName("order.CancellationUndone")
public record CancellationUndone(String orderId) {
}
