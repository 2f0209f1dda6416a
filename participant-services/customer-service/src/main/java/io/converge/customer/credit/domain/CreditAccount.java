package io.converge.customer.credit.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.converge.customer.credit.domain.CreditAccountCommands.ChangeLimit;
import io.converge.customer.credit.domain.CreditAccountCommands.OpenAccount;
import io.converge.customer.credit.domain.CreditAccountCommands.ReleaseForOrder;
import io.converge.customer.credit.domain.CreditAccountCommands.ReserveForOrder;
import io.converge.customer.credit.domain.CreditAccountEvent.AccountOpened;
import io.converge.customer.credit.domain.CreditAccountEvent.CreditReleased;
import io.converge.customer.credit.domain.CreditAccountEvent.CreditReserved;
import io.converge.customer.credit.domain.CreditAccountEvent.LimitChanged;
import io.converge.customer.credit.domain.CreditAccountEvent.ReservationRejected;
import java.math.BigDecimal;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A customer's credit, event-sourced: its state is what its {@link CreditAccountEvent}s say, rebuilt on every load
 * (from the latest snapshot on). Command handlers decide and apply events; only event handlers change fields. The
 * account keeps totals, not a list of what each order holds, so its snapshot and its load stay the same size however
 * many orders a customer has open: which order holds what, and that each is reserved and released once, is kept
 * beside it per order (the service's credit_reservations), written in the same transaction.
 */
public class CreditAccount {

  @AggregateIdentifier
  private String customerId;
  private String name;
  private BigDecimal creditLimit;
  private BigDecimal reserved = BigDecimal.ZERO;

  /** For Axon, which builds an empty account and replays its events into it. */
  protected CreditAccount() {
  }

  @CommandHandler
  public CreditAccount(OpenAccount command) {
    requireNotNegative(command.creditLimit());
    apply(new AccountOpened(command.customerId(), command.name(), command.creditLimit()));
  }

  /** Holds {@code amount} for the order if that much is available. */
  @CommandHandler
  public CreditReservation reserve(ReserveForOrder command) {
    BigDecimal available = available();
    if (command.amount().compareTo(available) > 0) {
      apply(new ReservationRejected(customerId, command.orderId(), command.amount(), available));
      return CreditReservation.rejected(command.orderId(), customerId, command.amount(),
          RejectedBecause.CREDIT_LIMIT_EXCEEDED, available);
    }
    apply(new CreditReserved(customerId, command.orderId(), command.amount()));
    return CreditReservation.reserved(command.orderId(), customerId, command.amount());
  }

  /** Gives back what the order held. */
  @CommandHandler
  public void release(ReleaseForOrder command) {
    if (command.amount().signum() <= 0 || command.amount().compareTo(reserved) > 0) {
      throw new IllegalArgumentException("Order " + command.orderId() + " cannot release " + command.amount()
          + " of the " + reserved + " reserved");
    }
    apply(new CreditReleased(customerId, command.orderId(), command.amount()));
  }

  /**
   * A lower limit than what is held is allowed: what is held stays held, and nothing more is reserved until enough
   * is released.
   */
  @CommandHandler
  public void changeLimit(ChangeLimit command) {
    requireNotNegative(command.creditLimit());
    if (command.creditLimit().compareTo(creditLimit) != 0) {
      apply(new LimitChanged(customerId, creditLimit, command.creditLimit()));
    }
  }

  @EventSourcingHandler
  void on(AccountOpened event) {
    customerId = event.customerId();
    name = event.name();
    creditLimit = event.creditLimit();
  }

  @EventSourcingHandler
  void on(LimitChanged event) {
    creditLimit = event.to();
  }

  @EventSourcingHandler
  void on(CreditReserved event) {
    reserved = reserved.add(event.amount());
  }

  @EventSourcingHandler
  void on(CreditReleased event) {
    reserved = reserved.subtract(event.amount());
  }

  public String customerId() {
    return customerId;
  }

  public String name() {
    return name;
  }

  public BigDecimal creditLimit() {
    return creditLimit;
  }

  /** The limit less what is held; below zero after the limit was lowered under what is held. */
  public BigDecimal available() {
    return creditLimit.subtract(reserved);
  }

  private static void requireNotNegative(BigDecimal creditLimit) {
    if (creditLimit.signum() < 0) {
      throw new IllegalArgumentException("creditLimit must not be negative");
    }
  }
}
