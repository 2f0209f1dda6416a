package io.converge.contracts.order;

import io.converge.contracts.RejectionReason;
import io.converge.contracts.WireName;
import io.eventuate.tram.commands.common.Command;

/** Compensation of {@link CreateOrder}. */
@WireName("order.RejectOrder")
public record RejectOrder(String orderId, RejectionReason reason) implements Command {
}
