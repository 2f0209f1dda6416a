package io.converge.payment.authorization;

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

  Payments(PaymentStore store) {
    this.store = store;
  }

  @Transactional
  Payment authorize(String orderId, String customerId, BigDecimal amount, String paymentMethod) {
    return store.find(orderId, true).orElseGet(() -> {
      Payment decision = Payment.authorize(orderId, customerId, amount, paymentMethod);
      store.insert(decision);
      return decision;
    });
  }

  @Transactional
  void voidPayment(String orderId) {
    store.find(orderId, true).ifPresentOrElse(
        payment -> store.updateStatus(payment.voided()),
        () -> store.insert(Payment.voidedBeforeAuthorized(orderId)));
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
