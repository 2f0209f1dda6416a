package io.converge.contracts.payment;

import io.converge.contracts.WireName;

@WireName("payment.PaymentDeclined")
public record PaymentDeclined(String orderId, String reason) implements AuthorizePaymentReply {
}
