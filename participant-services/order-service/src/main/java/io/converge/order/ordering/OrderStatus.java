package io.converge.order.ordering;

import io.converge.order.ordering.domain.OrderState;
import java.time.Instant;

/** An order's state as of its last change: what the reconciler compares with the saga that drove it. */
record OrderStatus(String orderId, OrderState state, String reason, Instant changedAt) {
}
