package io.converge.customer.credit.domain;

import java.math.BigDecimal;

/** A customer and the credit it may have reserved at once. */
public record Customer(String id, String name, BigDecimal creditLimit) {

  public Customer {
    if (creditLimit.signum() < 0) {
      throw new IllegalArgumentException("creditLimit must not be negative");
    }
  }

  /** Decides a reservation of {@code amount} given what is already reserved. */
  public CreditReservation reserve(String orderId, BigDecimal amount, BigDecimal alreadyReserved) {
    BigDecimal available = creditLimit.subtract(alreadyReserved);
    if (amount.compareTo(available) > 0) {
      return CreditReservation.rejected(orderId, id, amount, RejectedBecause.CREDIT_LIMIT_EXCEEDED, available);
    }
    return new CreditReservation(orderId, id, amount, CreditReservation.Status.RESERVED, null, null);
  }
}
