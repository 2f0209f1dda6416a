package io.converge.orchestrator.cancelorder;

/** What {@code POST /api/orders/{orderId}/cancellation} answers: the saga that cancels the order. */
public record CancellationResponse(String sagaId, String orderId, String state) {
}
