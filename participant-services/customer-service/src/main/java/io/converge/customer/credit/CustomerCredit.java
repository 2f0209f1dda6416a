package io.converge.customer.credit;

import io.converge.customer.credit.domain.CreditReservation;
import io.converge.customer.credit.domain.Customer;
import io.converge.customer.credit.domain.RejectedBecause;
import io.converge.service.web.ConflictException;
import io.converge.service.web.NotFoundException;
import java.math.BigDecimal;
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
          .map(customer -> customer.reserve(orderId, amount, store.reservedBy(customerId)))
          .orElseGet(() -> CreditReservation.rejected(orderId, customerId, amount, RejectedBecause.CUSTOMER_NOT_FOUND,
              null));
      store.save(decision);
      return decision;
    });
  }

  @Transactional
  void release(String orderId) {
    CreditReservation released = store.lockReservation(orderId)
        .map(CreditReservation::release)
        .orElseGet(() -> CreditReservation.releasedBeforeReserved(orderId));
    store.save(released);
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
    List<CreditReservation> open = store.openReservations(id);
    BigDecimal reserved = open.stream().map(CreditReservation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new CustomerView(customer.id(), customer.name(), customer.creditLimit(),
        customer.creditLimit().subtract(reserved),
        open.stream().map(r -> new CustomerView.OpenReservation(r.orderId(), r.amount())).toList());
  }

  @Transactional(readOnly = true)
  java.util.Optional<CreditReservation> reservation(String orderId) {
    return store.findReservation(orderId);
  }

  private static boolean sameValues(Customer a, Customer b) {
    return a.name().equals(b.name()) && a.creditLimit().compareTo(b.creditLimit()) == 0;
  }
}
