package io.converge.saga.runtime.state;

/**
 * Where a saga is. NEEDS_ATTENTION: a compensation was not confirmed after all its attempts, a participant refused one
 * with a fact, or the reconciler found a participant contradicting the saga; an operator acts on it.
 * RESOLVED: an operator marked a parked saga resolved.
 */
public enum SagaState {
  RUNNING, COMPENSATING, NEEDS_ATTENTION, COMPLETED, COMPENSATED, FAILED, RESOLVED;

  public boolean isTerminal() {
    return this == COMPLETED || this == COMPENSATED || this == FAILED || this == RESOLVED;
  }
}
