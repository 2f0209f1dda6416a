package io.converge.contracts.payment;

import io.converge.contracts.WireName;

@WireName("payment.PaymentVoided")
public record PaymentVoided(String orderId) {
}
