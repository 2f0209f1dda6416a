package io.converge.contracts.order;

/** Replies to {@link CreateOrder}. */
public sealed interface CreateOrderReply permits OrderCreated {
}
