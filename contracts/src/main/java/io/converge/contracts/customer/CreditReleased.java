package io.converge.contracts.customer;

import io.converge.contracts.WireName;

@WireName("customer.CreditReleased")
public record CreditReleased(String orderId) {
}
