package io.converge.orchestrator.timeouts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Defaults for every saga's time bounds, under {@code converge.saga}; a saga definition may set its own per step.
 *
 * @param stepTimeout             how long a step waits for its reply before it is sent again
 * @param maxAttempts             sends of a forward step before it counts as failed (and the saga compensates)
 * @param backoffMultiplier       each further attempt waits this much longer than the one before
 * @param deadline                from start: past it, a forward step is not retried again and the saga compensates
 * @param compensationMaxAttempts sends of a compensation before the saga is parked in NEEDS_ATTENTION
 * @param scanInterval            how often due timers are looked for
 */
@ConfigurationProperties("converge.saga")
public record SagaPolicyProperties(@DefaultValue("3s") Duration stepTimeout,
                                   @DefaultValue("3") int maxAttempts,
                                   @DefaultValue("2.0") double backoffMultiplier,
                                   @DefaultValue("60s") Duration deadline,
                                   @DefaultValue("5") int compensationMaxAttempts,
                                   @DefaultValue("200ms") Duration scanInterval) {

  /** The policy of a step that keeps to the defaults. */
  public StepPolicy defaultStep() {
    return new StepPolicy(stepTimeout, maxAttempts);
  }

  /** A step that must not fail: retried until it succeeds (or an operator steps in). */
  public StepPolicy untilItSucceeds() {
    return new StepPolicy(stepTimeout, Integer.MAX_VALUE);
  }

  /** How long attempt {@code attempt} (1-based) of a step with this timeout waits. */
  public Duration waitFor(StepPolicy policy, int attempt) {
    double factor = Math.pow(backoffMultiplier, Math.min(attempt - 1, 10));
    return Duration.ofMillis((long) (policy.timeout().toMillis() * factor));
  }
}
