package io.converge.orchestrator.timeouts;

import java.time.Duration;

/** How long a step waits for its reply and how often its command is sent before the step counts as failed. */
public record StepPolicy(Duration timeout, int maxAttempts) {
}
