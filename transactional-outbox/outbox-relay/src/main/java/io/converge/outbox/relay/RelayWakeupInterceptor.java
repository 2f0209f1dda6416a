package io.converge.outbox.relay;

import io.eventuate.tram.messaging.common.Message;
import io.eventuate.tram.messaging.common.MessageInterceptor;
import java.util.Optional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes the relay when a transaction that wrote an outbox row commits, so no message waits for a poll. Rows are
 * invisible to the relay before the commit, so waking earlier would only find nothing.
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
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          outboxRelay.wake();
        }
      });
    } else {
      outboxRelay.wake();
    }
  }
}
