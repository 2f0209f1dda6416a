package io.converge.orchestrator.history;

/** Where a saga is; the last three are terminal. */
public enum SagaState {
  RUNNING, COMPENSATING, COMPLETED, COMPENSATED, FAILED;

  public boolean isTerminal() {
    return this == COMPLETED || this == COMPENSATED || this == FAILED;
  }
}
