package io.converge.orchestrator.history;

import java.time.Instant;
import java.util.List;

/** What {@code GET /api/sagas/{id}} returns. */
public record SagaView(String sagaId, String sagaType, String orderId, SagaState state, String reason,
                       Instant startedAt, Instant endedAt, List<Step> history) {

  /**
   * One command sent or reply received.
   *
   * @param kind        COMMAND_SENT or REPLY_RECEIVED
   * @param messageType the wire name of the command or reply
   * @param outcome     SUCCESS or FAILURE for a reply
   */
  public record Step(String kind, String participant, String messageType, String outcome, Instant at) {
  }
}
