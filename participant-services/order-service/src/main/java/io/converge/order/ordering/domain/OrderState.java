package io.converge.order.ordering.domain;

public enum OrderState { PENDING, APPROVED, REJECTED, CANCELLATION_PENDING, CANCELLED }
