package io.converge.contracts.payment;

import io.converge.contracts.WireName;
import io.eventuate.tram.commands.common.Command;
import java.math.BigDecimal;

@WireName("payment.AuthorizePayment")
public record AuthorizePayment(String orderId, String customerId, BigDecimal total, String paymentMethod)
    implements Command {
}
