package io.converge.payment.authorization.domain;

import io.converge.contracts.payment.PaymentChannels;
import java.math.BigDecimal;
import java.util.UUID;

/** An order's payment: authorized, declined, or voided (also when the void came before any authorization). */
public record Payment(String orderId, String paymentId, String customerId, BigDecimal amount, String paymentMethod,
                      Status status, String reason) {

  public enum Status { AUTHORIZED, DECLINED, VOIDED }

  public static Payment authorize(String orderId, String customerId, BigDecimal amount, String paymentMethod) {
    if (PaymentChannels.ALWAYS_DECLINED_METHOD.equals(paymentMethod)) {
      return new Payment(orderId, null, customerId, amount, paymentMethod, Status.DECLINED,
          "payment method " + paymentMethod + " is always declined");
    }
    return new Payment(orderId, UUID.randomUUID().toString(), customerId, amount, paymentMethod, Status.AUTHORIZED,
        null);
  }

  public static Payment voidedBeforeAuthorized(String orderId) {
    return new Payment(orderId, null, null, null, null, Status.VOIDED, "voided before any authorization");
  }

  public Payment voided() {
    return status == Status.AUTHORIZED
        ? new Payment(orderId, paymentId, customerId, amount, paymentMethod, Status.VOIDED, reason) : this;
  }
}
