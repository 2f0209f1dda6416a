package io.converge.contracts;

/** Why a placed order ended rejected. Stable codes: clients match on them. */
public enum RejectionReason {
  UNKNOWN_PRODUCT,
  OUT_OF_STOCK,
  UNKNOWN_CUSTOMER,
  CREDIT_LIMIT_EXCEEDED,
  PAYMENT_DECLINED,
  /** A person reviewing the order's risk rejected it. */
  RISK_REJECTED,
  /** No person reviewed the order's risk before the review's deadline. */
  REVIEW_DEADLINE_PASSED,
  /** A participant did not answer within the step's timeout, after every retry, or the saga's deadline passed. */
  STEP_TIMED_OUT,
  /** A participant answered a failure that names no reason of its own (the saga's history shows which). */
  PARTICIPANT_FAILED
}
