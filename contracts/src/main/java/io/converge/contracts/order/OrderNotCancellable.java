package io.converge.contracts.order;

import io.converge.contracts.WireName;

/**
 * Failure reply to {@link BeginCancellation}: only an APPROVED order can be cancelled.
 *
 * @param state the order's state (PENDING, REJECTED, CANCELLED, or NONE for an order order-service does not have, or
 *              WITHDRAWN when this cancellation was undone before it began)
 */
@WireName("order.OrderNotCancellable")
public record OrderNotCancellable(String orderId, String state) {
}
