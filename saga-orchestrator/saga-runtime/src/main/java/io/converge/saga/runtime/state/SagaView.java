package io.converge.saga.runtime.state;

import java.time.Instant;
import java.util.List;

/**
 * What {@code GET /api/sagas/{id}} returns.
 *
 * @param definitionVersion  the version of the saga's definition it runs on (the one it started on)
 * @param deadlineAt by when the saga is bound to be terminal
 * @param businessKey        the key of the business object the saga drives (for the place-order saga, the order id)
 * @param reason             why it ended (every terminal saga has one)
 * @param attention          why it is parked, when it is NEEDS_ATTENTION: the fact a participant holds
 * @param pastDeadlineReason set when the deadline passed while a step that is never undone (the pivot or after) was
 *                           still unanswered: which, and that it is being asked again
 */
public record SagaView(String sagaId, String sagaType, int definitionVersion, String businessKey, SagaState state,
                       String reason, Instant startedAt, Instant endedAt, Instant deadlineAt, String attention,
                       String pastDeadlineReason, List<Step> history) {

  /**
   * One command sent or reply received.
   *
   * @param kind        COMMAND_SENT, REPLY_RECEIVED, REPLY_DROPPED (late or repeated), COMPENSATION_FAILED,
   *                    STEP_TIMED_OUT, PARKED, COMPENSATION_REFUSED, PAST_DEADLINE, STEP_FAILED_RETRYING,
   *                    RECONCILER_REPAIR,
   *                    or an operator's action
   * @param messageType the wire name of the command or reply
   * @param outcome     SUCCESS or FAILURE for a reply
   * @param attempt     which attempt of its step a command was
   */
  public record Step(String kind, String participant, String messageType, String outcome, Integer attempt,
                     Instant at) {
  }
}
