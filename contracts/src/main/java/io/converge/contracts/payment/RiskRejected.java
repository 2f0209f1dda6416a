package io.converge.contracts.payment;

import io.converge.contracts.WireName;

@WireName("payment.RiskRejected")
public record RiskRejected(String orderId, String reviewer, String comment) implements RiskReviewReply {
}
