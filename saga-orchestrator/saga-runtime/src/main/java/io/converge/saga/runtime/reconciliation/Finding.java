package io.converge.saga.runtime.reconciliation;

import io.eventuate.tram.commands.common.Command;

/**
 * A cross-service invariant that does not hold for one saga (or one business object), and what is safe to do about
 * it.
 *
 * @param sagaId      null when no saga is known for it (something held for a business object that does not exist)
 * @param businessKey the key of the business object (an order id, ...)
 * @param repair      the idempotent command that brings the participant back in line, when one is safe; null
 *                    otherwise (the saga is parked for a person)
 * @param target      the channel the repair goes to
 * @param reportOnly  a fact about a copy of the participants' data (a read model), not about the saga: reported, and
 *                    neither repaired nor parking the saga
 */
public record Finding(String sagaId, String businessKey, String invariant, String detail, Command repair,
                      String target, boolean reportOnly) {

  /** What the reconciler did about a finding. */
  public enum Action {
    /** A safe, idempotent command was sent; the saga is checked again once it had time to land. */
    REPAIRED,
    /** Nothing is safe to send: the saga is put in NEEDS_ATTENTION with the fact, for a person. */
    PARKED,
    /** Reported only (an ad-hoc check, or a saga not terminal past its deadline, which is already flagged). */
    REPORTED
  }

  public boolean repairable() {
    return repair != null;
  }

  /** Nothing is safe to send: a person must look. */
  public static Finding park(String sagaId, String businessKey, String invariant, String detail) {
    return new Finding(sagaId, businessKey, invariant, detail, null, null, false);
  }

  /** A read model disagrees with the services of record: reported; the saga and its participants are fine. */
  public static Finding report(String sagaId, String businessKey, String invariant, String detail) {
    return new Finding(sagaId, businessKey, invariant, detail, null, null, true);
  }

  /** This idempotent command, sent to {@code target}, brings the participant back in line. */
  public static Finding repair(String sagaId, String businessKey, String invariant, String detail, Command repair,
                               String target) {
    return new Finding(sagaId, businessKey, invariant, detail, repair, target, false);
  }
}
