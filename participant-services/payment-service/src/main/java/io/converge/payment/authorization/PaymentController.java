package io.converge.payment.authorization;

import io.converge.payment.authorization.domain.Payment;
import java.time.Instant;
import java.util.List;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/payments")
class PaymentController {

  private final Payments payments;

  PaymentController(Payments payments) {
    this.payments = payments;
  }

  /**
   * Payments created or changed since an instant, newest change first, in one status when given (at most
   * {@code limit}, up to 1000).
   */
  @GetMapping(params = {"changedSince", "!orderIds", "!orderId"})
  List<PaymentChange> changedSince(@RequestParam Instant changedSince,
                                   @RequestParam(required = false) Payment.Status status,
                                   @RequestParam(defaultValue = "100") int limit) {
    return payments.changedSince(status, changedSince, Math.max(1, Math.min(limit, 1000)));
  }

  /** The payments of these orders (at most 200 ids), as of their last change: the reconciler's batch read. */
  @GetMapping(params = {"orderIds", "!changedSince", "!orderId"})
  List<PaymentChange> ofOrders(@RequestParam @Size(max = 200) List<@Size(max = 64) String> orderIds) {
    return payments.ofOrders(orderIds);
  }

  /** The payments of one order: none, or one in its current status. */
  @GetMapping(params = {"orderId", "!changedSince", "!orderIds"})
  List<Payment> byOrder(@RequestParam String orderId) {
    return payments.forOrder(orderId);
  }
}
