package io.converge.contracts.order;

import io.converge.contracts.WireName;
import io.eventuate.tram.commands.common.Command;

/** Compensation of {@link BeginCancellation}: the order is APPROVED again (and this cancellation can never begin). */
@WireName("order.UndoCancellation")
public record UndoCancellation(String orderId, String cancellationId) implements Command {
}
