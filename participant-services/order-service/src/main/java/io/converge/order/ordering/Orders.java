package io.converge.order.ordering;

import io.converge.contracts.OrderLine;
import io.converge.contracts.RejectionReason;
import io.converge.order.ordering.domain.Order;
import io.converge.service.web.NotFoundException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and decides orders, once per order id however often asked. */
@Service
class Orders {

  private final OrderStore store;

  Orders(OrderStore store) {
    this.store = store;
  }

  @Transactional
  void create(String orderId, String customerId, String paymentMethod, List<OrderLine> lines) {
    store.insertIfAbsent(Order.pending(orderId, customerId, paymentMethod, lines));
  }

  @Transactional
  void reject(String orderId, RejectionReason reason) {
    if (!store.insertIfAbsent(Order.rejectedBeforeCreated(orderId, reason))) {
      transition(orderId, order -> order.reject(reason));
    }
  }

  @Transactional
  void approve(String orderId, BigDecimal total) {
    transition(orderId, order -> order.approve(total));
  }

  @Transactional(readOnly = true)
  Order get(String orderId) {
    return store.find(orderId, false).orElseThrow(() -> new NotFoundException("No order " + orderId));
  }

  private void transition(String orderId, UnaryOperator<Order> change) {
    store.find(orderId, true).ifPresent(order -> {
      Order changed = change.apply(order);
      if (!changed.equals(order)) {
        store.update(changed);
      }
    });
  }
}
