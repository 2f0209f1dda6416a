package io.converge.orchestrator.history;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /api/sagas/{id}} returns.
 *
 * @param deadlineAt by when the saga is bound to be terminal
 * @param attention  why it is parked, when it is NEEDS_ATTENTION
 */
public record SagaView(String sagaId, String sagaType, String orderId, SagaState state, String reason,
                       Instant startedAt, Instant endedAt, Instant deadlineAt, String attention, List<Step> history) {

  /**
   * One command sent or reply received.
   *
   * @param kind        COMMAND_SENT, REPLY_RECEIVED, REPLY_DROPPED (late or repeated), COMPENSATION_FAILED,
   *                    STEP_TIMED_OUT, PARKED, or an operator's action
   * @param messageType the wire name of the command or reply
   * @param outcome     SUCCESS or FAILURE for a reply
   * @param attempt     which attempt of its step a command was
   */
  public record Step(String kind, String participant, String messageType, String outcome, Integer attempt,
                     Instant at) {
  }
}
