package io.converge.saga.runtime.timers;

import io.converge.saga.runtime.definition.StepKind;

/**
 * What a step's timer does when it fires: the rules of {@code docs/consistency.md} in one place, with no I/O, so
 * that each step kind's rule is tested on its own, and the test kit applies the same rules on a virtual clock.
 *
 * @param kind          the kind of the forward step the timer guards; ignored while compensating
 * @param compensating  the command awaited is a compensation
 * @param attempt       how many times the command has been sent
 * @param maxAttempts   sends allowed before giving up (compensatable steps) or parking (compensations)
 * @param pastDeadline  the saga's deadline has passed
 * @param stillQueued   the command cannot have been handled yet: not yet published by the relay, or sent more
 *                      recently than replies from its participant currently take (a backlog, not a lost command)
 */
public record TimeoutDecision(StepKind kind, boolean compensating, int attempt, int maxAttempts, boolean pastDeadline,
                       boolean stillQueued) {

  public enum Action {
    /** Nothing is lost yet: look again later, without spending an attempt (a resend would only grow the backlog). */
    WAIT_LONGER,
    /** Send the same command again, same business key: the participant applies it once whichever copy arrives. */
    RESEND,
    /** Undo the step itself and fail it, so the saga compensates the steps before it. */
    GIVE_UP,
    /** A compensation went unconfirmed after all its attempts: a person must look. */
    PARK
  }

  public Action action() {
    if (compensating) {
      if (stillQueued) {
        return Action.WAIT_LONGER;
      }
      return attempt < maxAttempts ? Action.RESEND : Action.PARK;
    }
    if (!kind.undoneOnTimeout()) {
      // At or after the pivot an unknown outcome is resolved only by asking again; a deadline raises a flag, no undo.
      return stillQueued ? Action.WAIT_LONGER : Action.RESEND;
    }
    if (pastDeadline) {
      // Before the pivot the deadline wins even over a backlog: the step's compensation is safe whatever happened.
      return Action.GIVE_UP;
    }
    if (stillQueued) {
      return Action.WAIT_LONGER;
    }
    return attempt < maxAttempts ? Action.RESEND : Action.GIVE_UP;
  }
}
