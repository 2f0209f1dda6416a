package io.converge.contracts;

/**
 * The failure reply the orchestrator gives itself when a step got no reply within its timeout after all its attempts:
 * the saga then compensates as for any failure.
 *
 * @param commandType wire name of the command that went unanswered
 * @param attempts    how often it was sent
 */
@WireName("converge.StepTimedOut")
public record StepTimedOut(String commandType, int attempts) {
}
