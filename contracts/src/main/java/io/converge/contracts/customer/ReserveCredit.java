package io.converge.contracts.customer;

import io.converge.contracts.WireName;
import io.eventuate.tram.commands.common.Command;
import java.math.BigDecimal;

@WireName("customer.ReserveCredit")
public record ReserveCredit(String orderId, String customerId, BigDecimal total) implements Command {
}
