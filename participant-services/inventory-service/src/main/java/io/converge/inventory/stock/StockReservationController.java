package io.converge.inventory.stock;

import io.converge.inventory.stock.domain.StockReservation;
import java.time.Instant;
import java.util.List;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What inventory holds for an order: read by operators and by the consistency reconciler. */
@RestController
@RequestMapping("/api/stock-reservations")
class StockReservationController {

  private final Stock stock;

  StockReservationController(Stock stock) {
    this.stock = stock;
  }

  /**
   * Reservations created or changed since an instant, newest change first, in one status when given (at most
   * {@code limit}, up to 1000).
   */
  /** The reservations of these orders (at most 200 ids), as of their last change: the reconciler's batch read. */
  @GetMapping(params = "orderIds")
  List<StockReservationChange> ofOrders(@RequestParam @Size(max = 200) List<@Size(max = 64) String> orderIds) {
    return stock.reservationsOf(orderIds);
  }

  @GetMapping(params = "!orderIds")
  List<StockReservationChange> changedSince(@RequestParam Instant changedSince,
                                            @RequestParam(required = false) StockReservation.Status status,
                                            @RequestParam(defaultValue = "100") int limit) {
    return stock.reservationsChangedSince(status, changedSince, Math.max(1, Math.min(limit, 1000)));
  }

  @GetMapping("/{orderId}")
  StockReservation get(@PathVariable String orderId) {
    return stock.reservation(orderId);
  }
}
