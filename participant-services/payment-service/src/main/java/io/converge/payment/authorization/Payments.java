package io.converge.payment.authorization;

import io.converge.contracts.payment.PaymentEvent;
import io.converge.outbox.events.DomainEventOutbox;
import io.converge.payment.authorization.domain.Payment;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Authorizes and voids payments, once per order however often asked. */
@Service
class Payments {

  private final PaymentStore store;
  private final DomainEventOutbox events;

  Payments(PaymentStore store, DomainEventOutbox events) {
    this.store = store;
    this.events = events;
  }

  @Transactional
  Payment authorize(String orderId, String customerId, BigDecimal amount, String paymentMethod) {
    return store.find(orderId, true).orElseGet(() -> {
      Payment decision = Payment.authorize(orderId, customerId, amount, paymentMethod);
      insert(decision);
      return decision;
    });
  }

  @Transactional
  void voidPayment(String orderId) {
    store.find(orderId, true).ifPresentOrElse(payment -> {
      Payment voided = payment.voided();
      if (!voided.equals(payment)) {
        store.updateStatus(voided);
        events.publish(PaymentEvent.CHANNEL, new PaymentEvent.Voided(orderId, 2, System.currentTimeMillis()));
      }
    }, () -> insert(Payment.voidedBeforeAuthorized(orderId)));
  }

  /** The payment's first row, version 1 of its events; a void after an authorization is version 2. */
  private void insert(Payment payment) {
    store.insert(payment);
    long now = System.currentTimeMillis();
    events.publish(PaymentEvent.CHANNEL, switch (payment.status()) {
      case AUTHORIZED -> new PaymentEvent.Authorized(payment.orderId(), 1, payment.amount(), now);
      case DECLINED -> new PaymentEvent.Declined(payment.orderId(), 1, payment.amount(), now);
      case VOIDED -> new PaymentEvent.Voided(payment.orderId(), 1, now);
    });
  }

  @Transactional(readOnly = true)
  List<PaymentChange> changedSince(Payment.Status status, Instant since, int limit) {
    return store.changedSince(status, since, limit);
  }

  @Transactional(readOnly = true)
  List<PaymentChange> ofOrders(List<String> orderIds) {
    return orderIds.isEmpty() ? List.of() : store.byOrderIds(orderIds);
  }

  @Transactional(readOnly = true)
  List<Payment> forOrder(String orderId) {
    return store.find(orderId, false).stream().toList();
  }
}
