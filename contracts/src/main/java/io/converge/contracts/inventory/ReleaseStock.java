package io.converge.contracts.inventory;

import io.converge.contracts.WireName;
import io.eventuate.tram.commands.common.Command;

/** Compensation of {@link ReserveStock}; a no-op success when nothing was reserved. */
@WireName("inventory.ReleaseStock")
public record ReleaseStock(String orderId) implements Command {
}
