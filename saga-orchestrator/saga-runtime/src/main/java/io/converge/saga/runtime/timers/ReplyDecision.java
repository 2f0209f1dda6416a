package io.converge.saga.runtime.timers;

/**
 * What the runtime does with a reply that answers the saga's current step, before Eventuate's saga manager sees it:
 * the rules of {@code docs/consistency.md} for failures Eventuate would get wrong, with no I/O, shared by the reply
 * correlation and the test kit. (A refusal to compensate parks the saga before this is asked, whenever it arrives.)
 *
 * @param failure       the reply is a failure
 * @param compensating  the saga is compensating: the reply answers a compensation
 * @param retriableStep the reply answers a retriable forward step (after the pivot)
 */
public record ReplyDecision(boolean failure, boolean compensating, boolean retriableStep) {

  public enum Action {
    /**
     * A compensation failed: Eventuate would end the saga FAILED with the participant's state unknown. It is sent
     * again after a pause instead, and parked after its attempts.
     */
    RETRY_COMPENSATION,
    /** A step after the pivot failed: it cannot be compensated, so it is sent again (parked past the deadline). */
    RETRY_STEP,
    /** Eventuate's saga manager applies the reply: the next step, or compensation of the steps before. */
    DELIVER
  }

  public Action action() {
    if (failure && compensating) {
      return Action.RETRY_COMPENSATION;
    }
    if (failure && retriableStep) {
      return Action.RETRY_STEP;
    }
    return Action.DELIVER;
  }
}
