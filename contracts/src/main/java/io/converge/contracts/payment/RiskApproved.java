package io.converge.contracts.payment;

import io.converge.contracts.WireName;

@WireName("payment.RiskApproved")
public record RiskApproved(String orderId, String reviewer, String comment) implements RiskReviewReply {
}
