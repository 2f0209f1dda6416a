package io.converge.outbox.relay;

import io.eventuate.tram.messaging.common.Message;
import io.eventuate.tram.messaging.common.MessageInterceptor;
import java.util.Optional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands each outbox row to the relay as it is written and wakes the relay when the writing transaction commits, so no
 * message waits for a poll and the relay need not read back what this process wrote. Rows are invisible to other
 * readers before the commit, so the relay takes them only then ({@link HandedOverRows}).
 */
public final class RelayWakeupInterceptor implements MessageInterceptor {

  private final Optional<OutboxRelay> relay;

  public RelayWakeupInterceptor(Optional<OutboxRelay> relay) {
    this.relay = relay;
  }

  @Override
  public void postSend(Message message, Exception e) {
    if (e != null || relay.isEmpty()) {
      return;
    }
    OutboxRelay outboxRelay = relay.get();
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      // No transaction Spring reports on: whether and when the row commits is unknown here, so the relay reads the
      // table for it (woken now, it finds the row if it is visible already).
      outboxRelay.readTableSoon();
      return;
    }
    // Eventuate has stored the row: the id it was given and the headers as stored (the id among them).
    String id = message.getId();
    outboxRelay.written(id, message.getRequiredHeader(Message.DESTINATION), message.getHeaders(),
        message.getPayload());
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCompletion(int status) {
        outboxRelay.completed(id, status == STATUS_COMMITTED);
      }
    });
  }
}
