package io.converge.contracts.customer;

import io.converge.contracts.WireName;
import io.eventuate.tram.commands.common.Command;

/** Compensation of {@link ReserveCredit}; a no-op success when nothing was reserved. */
@WireName("customer.ReleaseCredit")
public record ReleaseCredit(String orderId) implements Command {
}
