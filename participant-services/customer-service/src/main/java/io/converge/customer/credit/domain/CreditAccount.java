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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * A customer's credit, event-sourced: its state is what its {@link CreditAccountEvent}s say, rebuilt on every load
 * (from the latest snapshot on). Command handlers decide and apply events; only event handlers change fields.
 */
public class CreditAccount {

  @AggregateIdentifier
  private String customerId;
  private String name;
  private BigDecimal creditLimit;
  /** Credit held per order, oldest first. */
  private LinkedHashMap<String, BigDecimal> held = new LinkedHashMap<>();

  /** For Axon, which builds an empty account and replays its events into it. */
  protected CreditAccount() {
  }

  @CommandHandler
  public CreditAccount(OpenAccount command) {
    requireNotNegative(command.creditLimit());
    apply(new AccountOpened(command.customerId(), command.name(), command.creditLimit()));
  }

  /** Holds {@code amount} for the order if available; an order that already holds credit is answered as before. */
  @CommandHandler
  public CreditReservation reserve(ReserveForOrder command) {
    BigDecimal already = held.get(command.orderId());
    if (already != null) {
      return CreditReservation.reserved(command.orderId(), customerId, already);
    }
    BigDecimal available = available();
    if (command.amount().compareTo(available) > 0) {
      apply(new ReservationRejected(customerId, command.orderId(), command.amount(), available));
      return CreditReservation.rejected(command.orderId(), customerId, command.amount(),
          RejectedBecause.CREDIT_LIMIT_EXCEEDED, available);
    }
    apply(new CreditReserved(customerId, command.orderId(), command.amount()));
    return CreditReservation.reserved(command.orderId(), customerId, command.amount());
  }

  /** Gives back what the order holds; nothing when it holds nothing (released already, or never reserved). */
  @CommandHandler
  public void release(ReleaseForOrder command) {
    BigDecimal amount = held.get(command.orderId());
    if (amount != null) {
      apply(new CreditReleased(customerId, command.orderId(), amount));
    }
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
    held.put(event.orderId(), event.amount());
  }

  @EventSourcingHandler
  void on(CreditReleased event) {
    held.remove(event.orderId());
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
    return creditLimit.subtract(held.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  /** Credit held per order, the most recent reservation first. */
  public Map<String, BigDecimal> heldNewestFirst() {
    List<String> orders = new ArrayList<>(held.keySet());
    Collections.reverse(orders);
    LinkedHashMap<String, BigDecimal> newestFirst = new LinkedHashMap<>();
    orders.forEach(order -> newestFirst.put(order, held.get(order)));
    return Collections.unmodifiableMap(newestFirst);
  }

  private static void requireNotNegative(BigDecimal creditLimit) {
    if (creditLimit.signum() < 0) {
      throw new IllegalArgumentException("creditLimit must not be negative");
    }
  }
}
