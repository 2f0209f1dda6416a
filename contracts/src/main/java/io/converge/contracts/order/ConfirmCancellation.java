package io.converge.contracts.order;

import io.converge.contracts.WireName;
import io.eventuate.tram.commands.common.Command;

/** Ends a cancellation whose payment, credit and stock were given back: the order is CANCELLED. */
@WireName("order.ConfirmCancellation")
public record ConfirmCancellation(String orderId, String cancellationId) implements Command {
}
