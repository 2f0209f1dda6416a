package io.converge.payment.authorization;

import io.converge.payment.authorization.domain.Payment;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A payment as of its last change: what the reconciler needs to find one authorized without its order, and to compare
 * the amount with the order history's.
 */
record PaymentChange(String orderId, Payment.Status status, Instant changedAt, BigDecimal amount) {
}
