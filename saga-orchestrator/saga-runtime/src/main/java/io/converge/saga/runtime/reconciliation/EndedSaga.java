package io.converge.saga.runtime.reconciliation;

import io.converge.saga.runtime.state.SagaState;
import java.time.Instant;

/** A saga as the reconciler sees it: its type, the business object it drove, how it ended, and when. */
public record EndedSaga(String sagaId, String sagaType, String businessKey, SagaState state, String reason,
                        Instant endedAt) {
}
