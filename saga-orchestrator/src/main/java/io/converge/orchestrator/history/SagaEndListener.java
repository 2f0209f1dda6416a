package io.converge.orchestrator.history;

/** Told, after the commit, that a saga ended or was parked in this process. */
public interface SagaEndListener {

  /** {@code state} is terminal, or NEEDS_ATTENTION. */
  void sagaEnded(String sagaId, SagaState state);
}
