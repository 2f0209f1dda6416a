package io.converge.inventory.stock;

import io.converge.inventory.stock.domain.StockReservation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What inventory holds for an order: read by operators and by the consistency reconciler. */
@RestController
@RequestMapping("/api/stock-reservations")
class StockReservationController {

  private final Stock stock;

  StockReservationController(Stock stock) {
    this.stock = stock;
  }

  @GetMapping("/{orderId}")
  StockReservation get(@PathVariable String orderId) {
    return stock.reservation(orderId);
  }
}
