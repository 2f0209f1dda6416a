package io.converge.contracts.order;

import io.converge.contracts.WireName;
import io.eventuate.tram.commands.common.Command;

/**
 * Puts an APPROVED order in CANCELLATION_PENDING, a semantic lock: no other saga may change it until the cancellation
 * is confirmed or undone. {@code cancellationId} names this cancellation, so that its undo arriving first keeps a late
 * begin from locking the order.
 */
@WireName("order.BeginCancellation")
public record BeginCancellation(String orderId, String cancellationId) implements Command {
}
