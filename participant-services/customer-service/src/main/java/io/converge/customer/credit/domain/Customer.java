package io.converge.customer.credit.domain;

import java.math.BigDecimal;

/** A customer, the credit it may have reserved at once, and how much of it is reserved now. */
public record Customer(String id, String name, BigDecimal creditLimit, BigDecimal reserved) {

  public Customer {
    if (creditLimit.signum() < 0) {
      throw new IllegalArgumentException("creditLimit must not be negative");
    }
  }

  public static Customer create(String id, String name, BigDecimal creditLimit) {
    return new Customer(id, name, creditLimit, BigDecimal.ZERO);
  }

  public BigDecimal available() {
    return creditLimit.subtract(reserved);
  }

  /** Decides a reservation of {@code amount} against what is still available. */
  public CreditReservation reserve(String orderId, BigDecimal amount) {
    BigDecimal available = available();
    if (amount.compareTo(available) > 0) {
      return CreditReservation.rejected(orderId, id, amount, RejectedBecause.CREDIT_LIMIT_EXCEEDED, available);
    }
    return new CreditReservation(orderId, id, amount, CreditReservation.Status.RESERVED, null, null);
  }
}
