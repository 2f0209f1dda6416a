package io.converge.contracts.payment;

/** Replies to {@link AuthorizePayment}; only {@link PaymentAuthorized} is a success. */
public sealed interface AuthorizePaymentReply permits PaymentAuthorized, PaymentDeclined {
}
