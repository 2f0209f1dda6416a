package io.converge.customer.credit;

import io.converge.customer.credit.domain.CreditReservation;
import io.converge.customer.credit.domain.Customer;
import io.converge.customer.credit.domain.RejectedBecause;
import io.converge.service.web.ConflictException;
import io.converge.service.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reserves and releases credit, once per order whatever how often it is asked. */
@Service
class CustomerCredit {

  private final CustomerStore store;

  CustomerCredit(CustomerStore store) {
    this.store = store;
  }

  @Transactional
  CreditReservation reserve(String orderId, String customerId, BigDecimal amount) {
    return store.lockReservation(orderId).orElseGet(() -> {
      CreditReservation decision = store.lock(customerId)
          .map(customer -> customer.reserve(orderId, amount))
          .orElseGet(() -> CreditReservation.rejected(orderId, customerId, amount, RejectedBecause.CUSTOMER_NOT_FOUND,
              null));
      if (decision.holdsCredit()) {
        store.addReserved(customerId, amount);
      }
      store.insert(decision);
      return decision;
    });
  }

  @Transactional
  void release(String orderId) {
    store.lockReservation(orderId).ifPresentOrElse(reservation -> {
      if (reservation.holdsCredit()) {
        store.lock(reservation.customerId());
        store.addReserved(reservation.customerId(), reservation.amount().negate());
        store.updateStatus(reservation.release());
      }
    }, () -> store.insert(CreditReservation.releasedBeforeReserved(orderId)));
  }

  @Transactional
  Customer create(Customer customer) {
    return store.find(customer.id()).map(existing -> {
      if (!sameValues(existing, customer)) {
        throw new ConflictException("Customer " + customer.id() + " exists with other values");
      }
      return existing;
    }).orElseGet(() -> {
      store.insert(customer);
      return customer;
    });
  }

  @Transactional(readOnly = true)
  CustomerView view(String id) {
    Customer customer = store.find(id).orElseThrow(() -> new NotFoundException("No customer " + id));
    List<CreditReservation> open = store.openReservations(id, CustomerView.MAX_LISTED);
    return new CustomerView(customer.id(), customer.name(), customer.creditLimit(), customer.available(),
        open.stream().map(r -> new CustomerView.OpenReservation(r.orderId(), r.amount())).toList());
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

  private static boolean sameValues(Customer a, Customer b) {
    return a.name().equals(b.name()) && a.creditLimit().compareTo(b.creditLimit()) == 0;
  }
}
