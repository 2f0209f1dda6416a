package io.converge.order.ordering;

import io.converge.contracts.OrderLine;
import io.converge.contracts.RejectionReason;
import io.converge.contracts.order.OrderEvent;
import io.converge.order.ordering.domain.Order;
import io.converge.outbox.events.DomainEventOutbox;
import io.converge.service.web.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and decides orders, once per order id however often asked. */
@Service
class Orders {

  private final OrderStore store;
  private final DomainEventOutbox events;
  private final Clock clock = Clock.systemUTC();

  Orders(OrderStore store, DomainEventOutbox events) {
    this.store = store;
    this.events = events;
  }

  @Transactional
  void create(String orderId, String customerId, String paymentMethod, List<OrderLine> lines) {
    insertIfAbsent(Order.pending(orderId, customerId, paymentMethod, lines));
  }

  /** Rejects the order (or records the rejection first); returns the order as it is now, which may be APPROVED. */
  @Transactional
  Order reject(String orderId, RejectionReason reason) {
    Order tombstone = Order.rejectedBeforeCreated(orderId, reason);
    if (insertIfAbsent(tombstone)) {
      return tombstone;
    }
    return transition(orderId, order -> order.reject(reason));
  }

  /** Approves the order; returns the order as it is now, which may be REJECTED. */
  @Transactional
  Order approve(String orderId, BigDecimal total) {
    return transition(orderId, order -> order.approve(total));
  }

  /**
   * Locks an approved order for a cancellation; returns the order as it is now (empty: no such order). A cancellation
   * undone before it began locks nothing.
   */
  @Transactional
  Optional<Order> beginCancellation(String orderId, String cancellationId) {
    // The order's row first, then the tombstone: an undo racing this begin either committed its tombstone before (it
    // is seen here) or waits for this lock and then finds the lock it must undo.
    Optional<Order> order = store.find(orderId, true);
    if (order.isEmpty() || store.withdrawn(cancellationId)) {
      return order;
    }
    return order.map(found -> save(found, found.beginCancellation(cancellationId)));
  }

  /** Undoes a cancellation (also one that has not begun yet); returns the order as it is now, if there is one. */
  @Transactional
  Optional<Order> undoCancellation(String orderId, String cancellationId) {
    store.withdraw(cancellationId, orderId);
    return store.find(orderId, true).map(order -> save(order, order.undoCancellation(cancellationId)));
  }

  /** Ends a cancellation; returns the order as it is now, if there is one. */
  @Transactional
  Optional<Order> confirmCancellation(String orderId, String cancellationId) {
    return store.find(orderId, true).map(order -> save(order, order.confirmCancellation(cancellationId)));
  }

  boolean withdrawn(String cancellationId) {
    return store.withdrawn(cancellationId);
  }

  private boolean insertIfAbsent(Order order) {
    boolean inserted = store.insertIfAbsent(order);
    if (inserted) {
      events.publish(OrderEvent.CHANNEL, OrderEvents.of(null, order, clock.millis()));
    }
    return inserted;
  }

  /** Stores and publishes a change; nothing when there is none. */
  private Order save(Order order, Order changed) {
    if (!changed.equals(order)) {
      store.update(changed);
      events.publish(OrderEvent.CHANNEL, OrderEvents.of(order, changed, clock.millis()));
    }
    return changed;
  }

  @Transactional(readOnly = true)
  List<OrderStatus> statusesOf(List<String> ids) {
    return ids.isEmpty() ? List.of() : store.statusesOf(ids);
  }

  @Transactional(readOnly = true)
  Order get(String orderId) {
    return store.find(orderId, false).orElseThrow(() -> new NotFoundException("No order " + orderId));
  }

  private Order transition(String orderId, UnaryOperator<Order> change) {
    Order order = store.find(orderId, true)
        .orElseThrow(() -> new IllegalStateException("No order " + orderId + " to change"));
    return save(order, change.apply(order));
  }
}
