package io.converge.saga.runtime.reconciliation;

import io.converge.saga.runtime.definition.SagaTypes;
import io.converge.saga.runtime.state.SagaState;
import java.time.Instant;

/**
 * A saga as the reconciler sees it: its type and the version of its definition, the business object it drove, how it
 * ended, and when.
 */
public record EndedSaga(String sagaId, String sagaType, int version, String businessKey, SagaState state,
                        String reason, Instant endedAt) {

  /** The type its messages carry, {@link SagaTypes#wireType}. */
  public String wireType() {
    return SagaTypes.wireType(sagaType, version);
  }
}
