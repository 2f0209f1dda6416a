package io.converge.orchestrator.history;

/**
 * Where a saga is. NEEDS_ATTENTION: a compensation was not confirmed after all its attempts; an operator acts on it.
 * RESOLVED: an operator marked a parked saga resolved.
 */
public enum SagaState {
  RUNNING, COMPENSATING, NEEDS_ATTENTION, COMPLETED, COMPENSATED, FAILED, RESOLVED;

  public boolean isTerminal() {
    return this == COMPLETED || this == COMPENSATED || this == FAILED || this == RESOLVED;
  }
}
