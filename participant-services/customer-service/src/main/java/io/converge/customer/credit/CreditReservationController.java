package io.converge.customer.credit;

import io.converge.customer.credit.domain.CreditReservation;
import java.time.Instant;
import java.util.List;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What credit is held for an order: read by operators and by the consistency reconciler. */
@RestController
@RequestMapping("/api/credit-reservations")
class CreditReservationController {

  private final CustomerCredit credit;

  CreditReservationController(CustomerCredit credit) {
    this.credit = credit;
  }

  /** The reservations of these orders (at most 200 ids), as of their last change: the reconciler's batch read. */
  @GetMapping(params = "orderIds")
  List<CreditReservationChange> ofOrders(@RequestParam @Size(max = 200) List<@Size(max = 64) String> orderIds) {
    return credit.reservationsOf(orderIds);
  }

  /**
   * Reservations created or changed since an instant, newest change first, in one status when given (at most
   * {@code limit}, up to 1000).
   */
  @GetMapping(params = "!orderIds")
  List<CreditReservationChange> changedSince(@RequestParam Instant changedSince,
                                             @RequestParam(required = false) CreditReservation.Status status,
                                             @RequestParam(defaultValue = "100") int limit) {
    return credit.reservationsChangedSince(status, changedSince, Math.max(1, Math.min(limit, 1000)));
  }

  @GetMapping("/{orderId}")
  CreditReservation get(@PathVariable String orderId) {
    return credit.reservation(orderId);
  }
}
