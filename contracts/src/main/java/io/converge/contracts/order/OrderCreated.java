package io.converge.contracts.order;

import io.converge.contracts.WireName;

/** Success reply to {@link CreateOrder}: the order exists, PENDING. */
@WireName("order.OrderCreated")
public record OrderCreated(String orderId) implements CreateOrderReply {
}
