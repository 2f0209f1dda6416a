package io.converge.payment.authorization;

import io.converge.payment.authorization.domain.Payment;
import java.util.List;
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

  /** The payments of one order: none, or one in its current status. */
  @GetMapping
  List<Payment> byOrder(@RequestParam String orderId) {
    return payments.forOrder(orderId);
  }
}
