package io.converge.order.ordering;

import io.converge.order.ordering.domain.Order;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Orders are created only by the saga; this API reads them. */
@RestController
@RequestMapping("/api/orders")
class OrderController {

  private final Orders orders;

  OrderController(Orders orders) {
    this.orders = orders;
  }

  @GetMapping("/{id}")
  Order get(@PathVariable String id) {
    return orders.get(id);
  }
}
