package io.converge.customer.credit;

import io.converge.customer.credit.domain.CreditReservation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What credit is held for an order: read by operators and by the consistency reconciler. */
@RestController
@RequestMapping("/api/credit-reservations")
class CreditReservationController {

  private final CustomerCredit credit;

  CreditReservationController(CustomerCredit credit) {
    this.credit = credit;
  }

  @GetMapping("/{orderId}")
  CreditReservation get(@PathVariable String orderId) {
    return credit.reservation(orderId);
  }
}
