package io.converge.payment.authorization;

import io.converge.payment.authorization.domain.Payment;
import java.time.Instant;

/** A payment as of its last change: what the reconciler needs to find one authorized without its order. */
record PaymentChange(String orderId, Payment.Status status, Instant changedAt) {
}
