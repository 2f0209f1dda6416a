package io.converge.contracts.customer;

import io.converge.contracts.WireName;
import java.math.BigDecimal;

@WireName("customer.CreditLimitExceeded")
public record CreditLimitExceeded(String orderId, BigDecimal requested, BigDecimal available)
    implements ReserveCreditReply {
}
