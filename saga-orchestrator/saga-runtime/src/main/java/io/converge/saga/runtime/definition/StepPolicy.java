package io.converge.saga.runtime.definition;

import java.time.Duration;

/**
 * What a step is and how it is bounded in time.
 *
 * @param timeout     how long its first attempt waits for a reply (later attempts wait longer, up to the cap)
 * @param maxAttempts sends of a compensatable step before it counts as failed; pivot and retriable steps are sent
 *                    until a reply decides, whatever this says
 * @param awaitsPerson the reply comes when a person decides (a deferred reply), so the timeout is the person's
 *                     deadline: it is added to the saga's deadline when the step is sent, and the step is sent once
 */
public record StepPolicy(StepKind kind, Duration timeout, int maxAttempts, boolean awaitsPerson) {

  public static StepPolicy compensatable(Duration timeout, int maxAttempts) {
    return new StepPolicy(StepKind.COMPENSATABLE, timeout, maxAttempts, false);
  }

  public static StepPolicy pivot(Duration timeout) {
    return new StepPolicy(StepKind.PIVOT, timeout, Integer.MAX_VALUE, false);
  }

  public static StepPolicy retriable(Duration timeout) {
    return new StepPolicy(StepKind.RETRIABLE, timeout, Integer.MAX_VALUE, false);
  }

  /**
   * A compensatable step answered by a person, within {@code deadline}: sent once (the person's task is durable at the
   * participant; sending it again would not make a person decide sooner); past the deadline the step is undone and the
   * saga compensates.
   */
  public static StepPolicy awaitingPerson(Duration deadline) {
    return new StepPolicy(StepKind.COMPENSATABLE, deadline, 1, true);
  }
}
