package io.converge.saga.runtime.state;

/**
 * Published once a saga's end (or its parking) has committed in this process. {@code state} is terminal, or
 * NEEDS_ATTENTION.
 */
public record SagaEnded(String sagaId, SagaState state) {
}
