package io.converge.orderhistory.query;

/**
 * What the order history holds for an order, service by service: what the reconciler compares with the services of
 * record (a facet the history has not heard of is null).
 */
record OrderFacts(String orderId, long orderVersion, String state, String stock, String credit, String payment) {
}
