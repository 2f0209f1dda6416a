package io.converge.order.ordering;

import io.converge.order.ordering.domain.Order;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

  /** The states of these orders (at most 200 ids; unknown ones are left out): the reconciler's batch read. */
  @GetMapping(params = "ids")
  List<OrderStatus> statuses(@RequestParam @Size(max = 200) List<@Size(max = 64) String> ids) {
    return orders.statusesOf(ids);
  }

  @GetMapping("/{id}")
  Order get(@PathVariable String id) {
    return orders.get(id);
  }
}
