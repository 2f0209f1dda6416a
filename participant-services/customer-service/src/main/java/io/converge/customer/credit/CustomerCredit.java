package io.converge.customer.credit;

import io.converge.customer.credit.domain.CreditAccount;
import io.converge.customer.credit.domain.CreditAccountCommands.ChangeLimit;
import io.converge.customer.credit.domain.CreditAccountCommands.OpenAccount;
import io.converge.customer.credit.domain.CreditAccountCommands.ReleaseForOrder;
import io.converge.customer.credit.domain.CreditAccountCommands.ReserveForOrder;
import io.converge.customer.credit.domain.CreditReservation;
import io.converge.customer.credit.domain.RejectedBecause;
import io.converge.service.web.ConflictException;
import io.converge.service.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserves and releases credit, once per order whatever how often it is asked. The account decides (its events are
 * its state); the per-order row written beside its events in the same transaction is what makes the same command get
 * the same answer, and what a release finds the customer by.
 */
@Service
class CustomerCredit {

  private final CustomerStore store;
  private final CommandGateway accounts;
  private final Repository<CreditAccount> accountEvents;

  CustomerCredit(CustomerStore store, CommandGateway accounts, Repository<CreditAccount> accountEvents) {
    this.store = store;
    this.accounts = accounts;
    this.accountEvents = accountEvents;
  }

  @Transactional
  CreditReservation reserve(String orderId, String customerId, BigDecimal amount) {
    return store.lockReservation(orderId).orElseGet(() -> {
      CreditReservation decision = store.lockAccount(customerId)
          ? accounts.<CreditReservation>sendAndWait(new ReserveForOrder(customerId, orderId, amount))
          : CreditReservation.rejected(orderId, customerId, amount, RejectedBecause.CUSTOMER_NOT_FOUND, null);
      store.insert(decision);
      return decision;
    });
  }

  @Transactional
  void release(String orderId) {
    store.lockReservation(orderId).ifPresentOrElse(reservation -> {
      if (reservation.holdsCredit()) {
        store.lockAccount(reservation.customerId());
        accounts.sendAndWait(new ReleaseForOrder(reservation.customerId(), orderId, reservation.amount()));
        store.updateStatus(reservation.release());
      }
    }, () -> store.insert(CreditReservation.releasedBeforeReserved(orderId)));
  }

  /** Opens the account; the same values again are accepted, other values for an existing id are a 409. */
  @Transactional
  CustomerView open(String customerId, String name, BigDecimal creditLimit) {
    if (!store.lockAccount(customerId)) {
      try {
        store.insertAccount(customerId);
      } catch (DuplicateKeyException openedMeanwhile) {
        throw new ConflictException("Customer " + customerId + " is being created by another request; retry");
      }
      accounts.sendAndWait(new OpenAccount(customerId, name, creditLimit));
    }
    CustomerView existing = view(customerId);
    if (!existing.name().equals(name) || existing.creditLimit().compareTo(creditLimit) != 0) {
      throw new ConflictException("Customer " + customerId + " exists with other values");
    }
    return existing;
  }

  @Transactional
  CustomerView changeLimit(String customerId, BigDecimal creditLimit) {
    if (!store.lockAccount(customerId)) {
      throw new NotFoundException("No customer " + customerId);
    }
    accounts.sendAndWait(new ChangeLimit(customerId, creditLimit));
    return view(customerId);
  }

  /**
   * The account as its events say now. Not read-only: a load that passes the snapshot threshold stores a snapshot.
   */
  @Transactional
  CustomerView view(String customerId) {
    if (!store.accountExists(customerId)) {
      throw new NotFoundException("No customer " + customerId);
    }
    return read(customerId, account -> CustomerView.of(account,
        store.openReservations(customerId, CustomerView.MAX_LISTED)));
  }

  @Transactional(readOnly = true)
  List<CreditReservationChange> reservationsChangedSince(CreditReservation.Status status, Instant since, int limit) {
    return store.changedSince(status, since, limit);
  }

  @Transactional(readOnly = true)
  List<CreditReservationChange> reservationsOf(List<String> orderIds) {
    return orderIds.isEmpty() ? List.of() : store.byOrderIds(orderIds);
  }

  @Transactional(readOnly = true)
  CreditReservation reservation(String orderId) {
    return store.findReservation(orderId)
        .orElseThrow(() -> new NotFoundException("No credit reservation for order " + orderId));
  }

  private <T> T read(String customerId, Function<CreditAccount, T> reading) {
    return DefaultUnitOfWork.startAndGet(null)
        .executeWithResult(() -> accountEvents.load(customerId).invoke(reading))
        .getPayload();
  }
}
