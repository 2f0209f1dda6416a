package io.converge.saga.runtime.state;

import io.converge.contracts.MessageCatalog;
import io.eventuate.tram.messaging.common.Message;
import io.eventuate.tram.messaging.common.MessageInterceptor;
import org.springframework.stereotype.Component;

/**
 * Records each saga command sent and each reply received in the saga's history. Sends run inside the saga's
 * transaction and reply handling inside the consumer's (after duplicate detection), so history and saga state commit
 * together and a duplicate reply is never recorded twice.
 */
@Component
class SagaHistoryInterceptor implements MessageInterceptor {

  static final String COMMAND_SENT = "COMMAND_SENT";
  static final String REPLY_RECEIVED = "REPLY_RECEIVED";

  private final SagaStore store;

  SagaHistoryInterceptor(SagaStore store) {
    this.store = store;
  }

  @Override
  public void postSend(Message message, Exception e) {
    if (e != null) {
      return;
    }
    message.getHeader("command_saga_id").ifPresent(sagaId -> store.record(sagaId, COMMAND_SENT,
        SagaStore.participantOf(message.getHeader("command__destination")
            .orElse(message.getRequiredHeader("DESTINATION"))),
        wireName(message.getHeader("command_type").orElse("?")), null,
        message.getHeader("converge_attempt").map(Integer::parseInt).orElse(1), message.getId()));
  }

  @Override
  public void preHandle(String subscriberId, Message message) {
    message.getHeader("commandreply_saga_id").ifPresent(sagaId -> {
      String outcome = message.getHeader("reply_outcome-type").orElse(null);
      store.record(sagaId, REPLY_RECEIVED,
          SagaStore.participantOf(message.getHeader("commandreply__destination").orElse("?")),
          wireName(message.getHeader("reply_type").orElse("?")), outcome, null, message.getId());
      if ("FAILURE".equals(outcome)) {
        store.compensating(sagaId);
      }
    });
  }

  private static String wireName(String type) {
    return MessageCatalog.wireNameForClassName(type).orElse(type);
  }
}
