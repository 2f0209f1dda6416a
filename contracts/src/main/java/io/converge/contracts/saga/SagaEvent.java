package io.converge.contracts.saga;

import io.converge.contracts.WireName;
import io.converge.contracts.events.PublishedEvent;

/**
 * What happens to a saga, as the orchestrator publishes it (aggregate id: the saga id; version 1 is its start, each
 * change of state adds one). {@code businessKey} is the id of the business object the saga drives: an order id for the
 * order sagas.
 */
public sealed interface SagaEvent extends PublishedEvent {

  String CHANNEL = "converge.events.saga";

  String sagaId();

  String businessKey();

  @Override
  default String aggregateId() {
    return sagaId();
  }

  /**
   * @param definitionVersion the version of the saga's definition it runs on
   * @param deadlineEpochMillis when it must have ended (or been parked for a person)
   */
  @WireName("saga.event.Started.v1")
  record Started(String sagaId, long version, String sagaType, int definitionVersion, String businessKey,
                 long deadlineEpochMillis, long occurredAtEpochMillis) implements SagaEvent {
  }

  /**
   * @param state  the saga's state from now on: COMPENSATING, NEEDS_ATTENTION, COMPLETED, COMPENSATED, FAILED,
   *               RESOLVED
   * @param reason why it ended, or what an operator must look at when it is parked
   */
  @WireName("saga.event.StateChanged.v1")
  record StateChanged(String sagaId, long version, String businessKey, String state, String reason,
                      long occurredAtEpochMillis) implements SagaEvent {
  }
}
