package io.converge.customer.credit.domain;

import java.math.BigDecimal;

/**
 * The outcome of reserving credit for one order. Kept, whatever it was, so that the same command gets the same answer.
 *
 * @param available what was available when a reservation was rejected for the limit, else null
 */
public record CreditReservation(String orderId, String customerId, BigDecimal amount, Status status,
                                RejectedBecause reason, BigDecimal available) {

  public enum Status { RESERVED, RELEASED, REJECTED }

  public static CreditReservation reserved(String orderId, String customerId, BigDecimal amount) {
    return new CreditReservation(orderId, customerId, amount, Status.RESERVED, null, null);
  }

  public static CreditReservation rejected(String orderId, String customerId, BigDecimal amount,
                                           RejectedBecause reason, BigDecimal available) {
    return new CreditReservation(orderId, customerId, amount, Status.REJECTED, reason, available);
  }

  /** What a release leaves when it arrives before (or instead of) the reservation it undoes. */
  public static CreditReservation releasedBeforeReserved(String orderId) {
    return new CreditReservation(orderId, null, BigDecimal.ZERO, Status.RELEASED, null, null);
  }

  public boolean holdsCredit() {
    return status == Status.RESERVED;
  }

  public CreditReservation release() {
    return new CreditReservation(orderId, customerId, amount, Status.RELEASED, reason, available);
  }
}
