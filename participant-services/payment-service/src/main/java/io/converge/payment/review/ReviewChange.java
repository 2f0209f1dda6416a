package io.converge.payment.review;

import java.time.Instant;

/** A review's state as of its last change. */
record ReviewChange(String orderId, String status, Instant changedAt) {
}
