package io.converge.saga.runtime.dashboard;

import java.util.List;

/**
 * The services the orchestrator works with, as the dashboard shows them live: each one's dead letters and its outbox
 * relay. Declared by the service that knows its participants (the runtime knows none).
 */
public interface ServiceStatuses {

  /**
   * @param deadLetters    dead letters not replayed yet
   * @param relayBacklog   outbox rows not yet published
   * @param relayP99Millis the relay's commit → broker-ack p99 over the last minutes
   * @param error          why the service could not be read now, or null
   */
  record ServiceStatus(String service, Long deadLetters, Long relayBacklog, Double relayP99Millis, String error) {
  }

  /** A dead letter of one service, its payload cut short for a preview. */
  record DeadLetterView(String service, long id, String channel, String messageId, String payloadPreview,
                        String error, String createdAt, String replayedAt, String replayedBy) {
  }

  /** Dead letters read, and the services that could not be read now (with why). */
  record DeadLetterList(List<DeadLetterView> letters, List<String> unread) {
  }

  List<ServiceStatus> statuses();

  /** Every service's latest dead letters (at most {@code limit} each). */
  DeadLetterList deadLetters(int limit);

  /** Replays one dead letter of one service, once; the service records who. */
  void replay(String service, long id);
}
