package io.converge.contracts.payment;

import io.converge.contracts.WireName;

@WireName("payment.PaymentAuthorized")
public record PaymentAuthorized(String orderId, String paymentId) implements AuthorizePaymentReply {
}
