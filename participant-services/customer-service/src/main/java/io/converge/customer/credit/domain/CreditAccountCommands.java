package io.converge.customer.credit.domain;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What may be asked of a {@link CreditAccount}; each names the account (the customer) it is for. */
public final class CreditAccountCommands {

  private CreditAccountCommands() {
  }

  public record OpenAccount(@TargetAggregateIdentifier String customerId, String name, BigDecimal creditLimit) {
  }

  /** Answered with the {@link CreditReservation} decided. Asked once per order (the caller keeps what was decided). */
  public record ReserveForOrder(@TargetAggregateIdentifier String customerId, String orderId, BigDecimal amount) {
  }

  /** Gives back what the order holds, once (the caller knows it holds {@code amount}). */
  public record ReleaseForOrder(@TargetAggregateIdentifier String customerId, String orderId, BigDecimal amount) {
  }

  public record ChangeLimit(@TargetAggregateIdentifier String customerId, BigDecimal creditLimit) {
  }
}
