package io.converge.orchestrator.placeorder;

/** The body of a {@code 202 Accepted} for a placed order. */
record PlaceOrderResponse(String sagaId, String orderId, String state) {
}
