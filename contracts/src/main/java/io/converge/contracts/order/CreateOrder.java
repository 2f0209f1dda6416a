package io.converge.contracts.order;

import io.converge.contracts.OrderLine;
import io.converge.contracts.WireName;
import io.eventuate.tram.commands.common.Command;
import java.util.List;

@WireName("order.CreateOrder")
public record CreateOrder(String orderId, String customerId, List<OrderLine> lines, String paymentMethod)
    implements Command {
}
