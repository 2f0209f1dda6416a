package io.converge.contracts.inventory;

import io.converge.contracts.OrderLine;
import io.converge.contracts.WireName;
import io.eventuate.tram.commands.common.Command;
import java.util.List;

/** Reserve every line or none. */
@WireName("inventory.ReserveStock")
public record ReserveStock(String orderId, List<OrderLine> lines) implements Command {
}
