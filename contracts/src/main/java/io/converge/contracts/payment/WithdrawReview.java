package io.converge.contracts.payment;

import io.converge.contracts.WireName;
import io.eventuate.tram.commands.common.Command;

/**
 * Compensation of {@link RequestRiskReview}: the review is withdrawn, decided or not (a decision no longer counts),
 * and a later request for it is rejected. A no-op success when no review was requested.
 */
@WireName("payment.WithdrawReview")
public record WithdrawReview(String orderId) implements Command {
}
