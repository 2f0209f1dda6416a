package io.converge.saga.runtime.definition;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Defaults for every saga's time bounds, under {@code converge.saga}; a saga definition declares each step's kind and
 * may set its own timeout and attempts.
 *
 * @param stepTimeout             how long a step's first attempt waits for its reply before it is sent again
 * @param maxAttempts             sends of a compensatable step before it counts as failed (and the saga compensates)
 * @param backoffMultiplier       each further attempt waits this much longer than the one before ...
 * @param maxBackoff              ... but never longer than this (pivot and retriable steps are re-sent until a reply
 *                                decides, every {@code maxBackoff} at most)
 * @param deadline                from start: past it, a compensatable step is not retried again and the saga
 *                                compensates; a pivot or retriable step is flagged, never undone
 * @param compensationMaxAttempts sends of a compensation before the saga is parked in NEEDS_ATTENTION
 * @param queueWaitFactor         a command is taken as still queued (its timer waits longer, no attempt spent) while it
 *                                is younger than this many times the recent p99 of its participant's step latency
 * @param scanInterval            how often due timers are looked for
 */
@ConfigurationProperties("converge.saga")
public record SagaPolicyProperties(@DefaultValue("3s") Duration stepTimeout,
                                   @DefaultValue("3") int maxAttempts,
                                   @DefaultValue("2.0") double backoffMultiplier,
                                   @DefaultValue("30s") Duration maxBackoff,
                                   @DefaultValue("60s") Duration deadline,
                                   @DefaultValue("5") int compensationMaxAttempts,
                                   @DefaultValue("2.0") double queueWaitFactor,
                                   @DefaultValue("200ms") Duration scanInterval) {

  /** A step before the pivot, with the default timeout and attempts. */
  public StepPolicy compensatable() {
    return StepPolicy.compensatable(stepTimeout, maxAttempts);
  }

  /** The go/no-go step, with the default timeout. */
  public StepPolicy pivot() {
    return StepPolicy.pivot(stepTimeout);
  }

  /** A step after the pivot, with the default timeout. */
  public StepPolicy retriable() {
    return StepPolicy.retriable(stepTimeout);
  }

  /** How long attempt {@code attempt} (1-based) of a step with this policy waits: backed off, capped. */
  public Duration waitFor(StepPolicy policy, int attempt) {
    double factor = Math.pow(backoffMultiplier, Math.min(Math.max(attempt, 1) - 1, 20));
    long millis = (long) Math.min(policy.timeout().toMillis() * factor, maxBackoff.toMillis());
    return Duration.ofMillis(Math.max(millis, policy.timeout().toMillis()));
  }
}
