package io.converge.inventory.stock;

import io.converge.inventory.stock.domain.StockReservation;
import java.time.Instant;

/** A stock reservation as of its last change: what the reconciler needs to find one held without its order. */
record StockReservationChange(String orderId, StockReservation.Status status, Instant changedAt) {
}
