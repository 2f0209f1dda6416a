package io.converge.inventory.stock;

import io.converge.contracts.OrderLine;
import io.converge.contracts.PricedLine;
import io.converge.inventory.stock.domain.Product;
import io.converge.inventory.stock.domain.StockReservation;
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

  Stock(StockStore store) {
    this.store = store;
  }

  @Transactional
  StockReservation reserve(String orderId, List<OrderLine> lines) {
    return store.findReservation(orderId, true).orElseGet(() -> {
      Map<String, Integer> quantities = StockReservation.quantitiesBySku(lines);
      StockReservation decision = StockReservation.decide(orderId, quantities, store.lock(quantities.keySet()));
      decision.lines().forEach(line -> store.addReserved(line.sku(), line.quantity()));
      store.insert(decision);
      return decision;
    });
  }

  @Transactional
  void release(String orderId) {
    Optional<StockReservation> existing = store.findReservation(orderId, true);
    if (existing.isEmpty()) {
      store.insert(StockReservation.releasedBeforeReserved(orderId));
      return;
    }
    StockReservation reservation = existing.get();
    if (reservation.status() == StockReservation.Status.RESERVED) {
      store.lock(reservation.lines().stream().map(PricedLine::sku).toList());
      reservation.lines().forEach(line -> store.addReserved(line.sku(), -line.quantity()));
      store.updateStatus(reservation.release());
    }
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
