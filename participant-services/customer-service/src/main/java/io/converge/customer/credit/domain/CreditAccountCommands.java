package io.converge.customer.credit.domain;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What may be asked of a {@link CreditAccount}; each names the account (the customer) it is for. */
public final class CreditAccountCommands {

  private CreditAccountCommands() {
  }

  public record OpenAccount(@TargetAggregateIdentifier String customerId, String name, BigDecimal creditLimit) {
  }

  /** Answered with the {@link CreditReservation} decided: the same one again when the order already holds credit. */
  public record ReserveForOrder(@TargetAggregateIdentifier String customerId, String orderId, BigDecimal amount) {
  }

  public record ReleaseForOrder(@TargetAggregateIdentifier String customerId, String orderId) {
  }

  public record ChangeLimit(@TargetAggregateIdentifier String customerId, BigDecimal creditLimit) {
  }
}
