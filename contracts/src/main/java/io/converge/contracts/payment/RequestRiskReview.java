package io.converge.contracts.payment;

import io.converge.contracts.WireName;
import io.eventuate.tram.commands.common.Command;
import java.math.BigDecimal;

/**
 * Asks a person at payment-service to review the order's risk before it is paid. Answered when the person decides,
 * not when the command arrives ({@link RiskApproved} or {@link RiskRejected}); sent again, it answers the decision
 * if one was made and otherwise keeps waiting. A decision at or after {@code decideByEpochMillis} is refused: by then
 * the orchestrator gives up on the review and withdraws it.
 */
@WireName("payment.RequestRiskReview")
public record RequestRiskReview(String orderId, String customerId, BigDecimal total, long decideByEpochMillis)
    implements Command {
}
