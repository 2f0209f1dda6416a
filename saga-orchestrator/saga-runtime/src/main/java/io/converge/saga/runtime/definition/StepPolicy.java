package io.converge.saga.runtime.definition;

import java.time.Duration;

/**
 * What a step is and how it is bounded in time.
 *
 * @param timeout     how long its first attempt waits for a reply (later attempts wait longer, up to the cap)
 * @param maxAttempts sends of a compensatable step before it counts as failed; pivot and retriable steps are sent
 *                    until a reply decides, whatever this says
 */
public record StepPolicy(StepKind kind, Duration timeout, int maxAttempts) {

  public static StepPolicy compensatable(Duration timeout, int maxAttempts) {
    return new StepPolicy(StepKind.COMPENSATABLE, timeout, maxAttempts);
  }

  public static StepPolicy pivot(Duration timeout) {
    return new StepPolicy(StepKind.PIVOT, timeout, Integer.MAX_VALUE);
  }

  public static StepPolicy retriable(Duration timeout) {
    return new StepPolicy(StepKind.RETRIABLE, timeout, Integer.MAX_VALUE);
  }
}
