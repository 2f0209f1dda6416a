package io.converge.contracts.payment;

/** Replies to {@link RequestRiskReview}; only {@link RiskApproved} is a success. */
public sealed interface RiskReviewReply permits RiskApproved, RiskRejected {
}
