package io.converge.orchestrator.reconciler;

/**
 * A cross-service invariant that does not hold.
 *
 * @param sagaId             null when no saga is known for it (a reservation or payment without its order)
 * @param ageMillis          since the saga ended (or, for a saga still running, since its deadline; for a reservation
 *                           or payment without its order, since it last changed)
 * @param olderThanDeadline  the inconsistency has lasted longer than a saga's whole deadline
 */
public record Violation(String sagaId, String orderId, String invariant, String detail, long ageMillis,
                        boolean olderThanDeadline) {
}
