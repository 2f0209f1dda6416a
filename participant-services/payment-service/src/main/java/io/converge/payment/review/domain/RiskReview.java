package io.converge.payment.review.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A person's review of an order's risk. PENDING until a person approves or rejects it before {@code decideBy}; a
 * withdrawal (the saga gave up on it or compensates) ends it whatever it was, and no decision counts after that.
 */
public record RiskReview(String orderId, String customerId, BigDecimal amount, State state, Instant decideBy,
                         String reviewer, String comment, Instant requestedAt, Instant decidedAt) {

  public enum State { PENDING, APPROVED, REJECTED, WITHDRAWN }

  public enum Decision {
    APPROVE(State.APPROVED), REJECT(State.REJECTED);

    private final State state;

    Decision(State state) {
      this.state = state;
    }

    public State state() {
      return state;
    }
  }

  public static RiskReview requested(String orderId, String customerId, BigDecimal amount, Instant decideBy) {
    return new RiskReview(orderId, customerId, amount, State.PENDING, decideBy, null, null, null, null);
  }

  /** A withdrawal that arrived before the request: the request, when it comes, finds the review withdrawn. */
  public static RiskReview withdrawnBeforeRequested(String orderId) {
    return new RiskReview(orderId, null, null, State.WITHDRAWN, null, null, null, null, null);
  }

  /** Whether a decision made at {@code now} is too late: the orchestrator withdraws the review at its deadline. */
  public boolean pastDeadline(Instant now) {
    return decideBy != null && !now.isBefore(decideBy);
  }

  public RiskReview decided(Decision decision, String byReviewer, String withComment) {
    return new RiskReview(orderId, customerId, amount, decision.state(), decideBy, byReviewer, withComment,
        requestedAt, decidedAt);
  }

  public RiskReview withdrawn() {
    return new RiskReview(orderId, customerId, amount, State.WITHDRAWN, decideBy, reviewer, comment, requestedAt,
        decidedAt);
  }
}
