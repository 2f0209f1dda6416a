package io.converge.outbox.deadletter;

import java.util.Optional;

/**
 * The Kafka record whose message the current thread is handling: a dead letter stored while handling it (an
 * unparseable value, or a handler that kept failing) names where it sits in Kafka.
 */
record ConsumedRecord(String topic, int partition, long offset) {

  private static final ThreadLocal<ConsumedRecord> CURRENT = new ThreadLocal<>();

  static Optional<ConsumedRecord> current() {
    return Optional.ofNullable(CURRENT.get());
  }

  void whileHandling(Runnable handling) {
    CURRENT.set(this);
    try {
      handling.run();
    } finally {
      CURRENT.remove();
    }
  }
}
