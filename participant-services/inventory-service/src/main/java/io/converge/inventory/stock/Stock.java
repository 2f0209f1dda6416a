package io.converge.inventory.stock;

import io.converge.contracts.OrderLine;
import io.converge.contracts.PricedLine;
import io.converge.contracts.inventory.StockEvent;
import io.converge.inventory.stock.domain.Product;
import io.converge.inventory.stock.domain.StockReservation;
import io.converge.outbox.events.DomainEventOutbox;
import io.converge.service.web.ConflictException;
import io.converge.service.web.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reserves and releases stock, once per order however often asked. */
@Service
class Stock {

  private final StockStore store;
  private final DomainEventOutbox events;

  Stock(StockStore store, DomainEventOutbox events) {
    this.store = store;
    this.events = events;
  }

  @Transactional
  StockReservation reserve(String orderId, List<OrderLine> lines) {
    return store.findReservation(orderId, true).orElseGet(() -> {
      Map<String, Integer> quantities = StockReservation.quantitiesBySku(lines);
      StockReservation decision = StockReservation.decide(orderId, quantities, store.lock(quantities.keySet()));
      decision.lines().forEach(line -> store.addReserved(line.sku(), line.quantity()));
      insert(decision);
      return decision;
    });
  }

  @Transactional
  void release(String orderId) {
    Optional<StockReservation> existing = store.findReservation(orderId, true);
    if (existing.isEmpty()) {
      insert(StockReservation.releasedBeforeReserved(orderId));
      return;
    }
    StockReservation reservation = existing.get();
    if (reservation.status() == StockReservation.Status.RESERVED) {
      store.lock(reservation.lines().stream().map(PricedLine::sku).toList());
      reservation.lines().forEach(line -> store.addReserved(line.sku(), -line.quantity()));
      store.updateStatus(reservation.release());
      events.publish(StockEvent.CHANNEL, new StockEvent.Released(orderId, 2, System.currentTimeMillis()));
    }
  }

  /** The reservation's first row, version 1 of its events; a release after a reservation is version 2. */
  private void insert(StockReservation reservation) {
    store.insert(reservation);
    long now = System.currentTimeMillis();
    events.publish(StockEvent.CHANNEL, switch (reservation.status()) {
      case RESERVED -> new StockEvent.Reserved(reservation.orderId(), 1, reservation.lines(), now);
      case REJECTED -> new StockEvent.Rejected(reservation.orderId(), 1, reservation.reason().name(),
          reservation.failedSkus(), now);
      case RELEASED -> new StockEvent.Released(reservation.orderId(), 1, now);
    });
  }

  @Transactional
  Product create(Product product) {
    return store.find(product.sku()).map(existing -> {
      if (!existing.name().equals(product.name()) || existing.price().compareTo(product.price()) != 0
          || existing.onHand() != product.onHand()) {
        throw new ConflictException("Product " + product.sku() + " exists with other values");
      }
      return existing;
    }).orElseGet(() -> {
      store.insert(product);
      return product;
    });
  }

  @Transactional(readOnly = true)
  List<StockReservationChange> reservationsChangedSince(StockReservation.Status status, Instant since, int limit) {
    return store.changedSince(status, since, limit);
  }

  @Transactional(readOnly = true)
  List<StockReservationChange> reservationsOf(List<String> orderIds) {
    return orderIds.isEmpty() ? List.of() : store.byOrderIds(orderIds);
  }

  @Transactional(readOnly = true)
  StockReservation reservation(String orderId) {
    return store.findReservation(orderId, false)
        .orElseThrow(() -> new NotFoundException("No stock reservation for order " + orderId));
  }

  @Transactional(readOnly = true)
  Product product(String sku) {
    return store.find(sku).orElseThrow(() -> new NotFoundException("No product " + sku));
  }
}
