package io.converge.contracts.payment;

import io.converge.contracts.WireName;
import io.eventuate.tram.commands.common.Command;

/** Compensation of {@link AuthorizePayment}; a no-op success when nothing was authorized. */
@WireName("payment.VoidPayment")
public record VoidPayment(String orderId) implements Command {
}
