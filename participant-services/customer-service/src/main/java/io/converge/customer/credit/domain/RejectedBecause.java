package io.converge.customer.credit.domain;

public enum RejectedBecause {
  CUSTOMER_NOT_FOUND,
  CREDIT_LIMIT_EXCEEDED
}
