package io.converge.orchestrator.reconciler;

import io.eventuate.tram.commands.common.Command;

/**
 * A cross-service invariant that does not hold for one saga (or one order), and what is safe to do about it.
 *
 * @param sagaId null when no saga is known for it (a reservation or payment held without its order)
 * @param repair the idempotent command that brings the participant back in line, when one is safe; null otherwise
 * @param target the channel the repair goes to
 */
record Finding(String sagaId, String orderId, String invariant, String detail, Command repair, String target) {

  /** What the reconciler did about a finding. */
  enum Action {
    /** A safe, idempotent command was sent; the saga is checked again once it had time to land. */
    REPAIRED,
    /** Nothing is safe to send: the saga is put in NEEDS_ATTENTION with the fact, for a person. */
    PARKED,
    /** Reported only (an ad-hoc check, or a saga not terminal past its deadline, which is already flagged). */
    REPORTED
  }

  boolean repairable() {
    return repair != null;
  }

  static Finding park(String sagaId, String orderId, String invariant, String detail) {
    return new Finding(sagaId, orderId, invariant, detail, null, null);
  }

  static Finding repair(String sagaId, String orderId, String invariant, String detail, Command repair,
                        String target) {
    return new Finding(sagaId, orderId, invariant, detail, repair, target);
  }
}
