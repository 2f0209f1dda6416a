package io.converge.contracts.order;

import io.converge.contracts.WireName;
import io.eventuate.tram.commands.common.Command;
import java.math.BigDecimal;

@WireName("order.ApproveOrder")
public record ApproveOrder(String orderId, BigDecimal total) implements Command {
}
