package io.converge.customer.credit;

import io.converge.customer.credit.domain.CreditReservation;
import java.time.Instant;

/** A credit reservation as of its last change: what the reconciler needs to find one held without its order. */
record CreditReservationChange(String orderId, CreditReservation.Status status, Instant changedAt) {
}
