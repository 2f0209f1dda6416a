package io.converge.contracts.order;

import io.converge.contracts.WireName;

/** Success reply to {@link BeginCancellation}: the order is CANCELLATION_PENDING. */
@WireName("order.CancellationBegun")
public record CancellationBegun(String orderId) {
}
