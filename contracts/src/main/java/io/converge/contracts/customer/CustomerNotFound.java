package io.converge.contracts.customer;

import io.converge.contracts.WireName;

@WireName("customer.CustomerNotFound")
public record CustomerNotFound(String orderId, String customerId) implements ReserveCreditReply {
}
