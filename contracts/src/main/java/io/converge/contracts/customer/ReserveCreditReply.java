package io.converge.contracts.customer;

/** Replies to {@link ReserveCredit}; only {@link CreditReserved} is a success. */
public sealed interface ReserveCreditReply permits CreditReserved, CustomerNotFound, CreditLimitExceeded {
}
