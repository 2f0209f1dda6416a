package io.converge.contracts.payment;

import io.converge.contracts.WireName;

@WireName("payment.ReviewWithdrawn")
public record ReviewWithdrawn(String orderId) {
}
