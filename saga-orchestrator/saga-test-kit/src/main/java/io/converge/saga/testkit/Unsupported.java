package io.converge.saga.testkit;

import io.eventuate.tram.messaging.common.Message;
import io.eventuate.tram.messaging.consumer.MessageConsumer;
import io.eventuate.tram.messaging.consumer.MessageHandler;
import io.eventuate.tram.messaging.consumer.MessageSubscription;
import io.eventuate.tram.sagas.common.SagaLockManager;
import java.util.Optional;
import java.util.Set;

/**
 * What Eventuate's saga manager is built with but a run in memory does not use: replies are handed to the manager
 * directly (no subscription), and orchestrated sagas take no participant locks.
 */
final class Unsupported implements MessageConsumer, SagaLockManager {

  @Override
  public MessageSubscription subscribe(String subscriberId, Set<String> channels, MessageHandler handler) {
    throw new UnsupportedOperationException("a saga run in memory takes its replies from the test");
  }

  @Override
  public String getId() {
    return "saga-test-kit";
  }

  @Override
  public void close() {
  }

  @Override
  public boolean claimLock(String sagaType, String sagaId, String target) {
    return true;
  }

  @Override
  public void stashMessage(String sagaType, String sagaId, String target, Message message) {
    throw new UnsupportedOperationException("no locks in a saga run in memory");
  }

  @Override
  public Optional<Message> unlock(String sagaId, String target) {
    return Optional.empty();
  }
}
