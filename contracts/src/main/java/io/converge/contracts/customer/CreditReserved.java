package io.converge.contracts.customer;

import io.converge.contracts.WireName;

@WireName("customer.CreditReserved")
public record CreditReserved(String orderId) implements ReserveCreditReply {
}
