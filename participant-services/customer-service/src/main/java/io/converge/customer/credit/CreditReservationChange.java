package io.converge.customer.credit;

import io.converge.customer.credit.domain.CreditReservation;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A credit reservation as of its last change: what the reconciler needs to find one held without its order, and to
 * compare the amount with the order history's.
 */
record CreditReservationChange(String orderId, CreditReservation.Status status, Instant changedAt, BigDecimal amount) {
}
