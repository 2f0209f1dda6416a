package io.converge.outbox.deadletter;

import io.eventuate.common.json.mapper.JSonMapper;
import io.eventuate.messaging.kafka.basic.consumer.EventuateKafkaConsumer;
import io.eventuate.messaging.kafka.basic.consumer.EventuateKafkaConsumerConfigurationProperties;
import io.eventuate.messaging.kafka.basic.consumer.EventuateKafkaConsumerMessageHandler;
import io.eventuate.messaging.kafka.basic.consumer.KafkaConsumerFactory;
import io.eventuate.messaging.kafka.common.EventuateBinaryMessageEncoding;
import io.eventuate.messaging.kafka.consumer.RawKafkaMessage;
import io.eventuate.messaging.kafka.consumer.SwimlaneBasedDispatcher;
import io.eventuate.messaging.kafka.consumer.TopicPartitionToSwimlaneMapping;
import io.eventuate.tram.consumer.common.MessageConsumerImplementation;
import io.eventuate.tram.messaging.common.MessageImpl;
import io.eventuate.tram.messaging.consumer.MessageHandler;
import io.eventuate.tram.messaging.consumer.MessageSubscription;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumes Kafka with Eventuate's consumer and swimlane dispatcher (same threading, ordering per key and offset
 * commits), except that a record which is not a message is stored as a dead letter, with its topic, partition and
 * offset, and the partition goes on. Eventuate's own subscription parses records outside any handler, hands on only the
 * value, and an exception there stops that consumer for good and blocks its partitions.
 *
 * <p>Records batching several messages (an option of Eventuate's CDC service, never written by our relay) are not
 * supported: they become dead letters, so nothing is lost silently.
 */
public class DeadLetteringKafkaConsumer implements MessageConsumerImplementation {

  private final String id = UUID.randomUUID().toString();
  private final String bootstrapServers;
  private final EventuateKafkaConsumerConfigurationProperties consumerProperties;
  private final KafkaConsumerFactory consumerFactory;
  private final TopicPartitionToSwimlaneMapping swimlanes;
  private final DeadLetters deadLetters;
  private final List<EventuateKafkaConsumer> consumers = new CopyOnWriteArrayList<>();
  private final List<ExecutorService> swimlaneThreads = new CopyOnWriteArrayList<>();
  private volatile boolean closed;
  /**
   * A record's dead letter must be stored before its offset may be committed: while the database is away, hold the
   * record (and its partition) and try again, paced by backoff, until stored or until this consumer closes.
   */
  private final Retry untilStored = Retry.of("dead-letter-store", RetryConfig.custom()
      .maxAttempts(Integer.MAX_VALUE)
      .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(100), 2.0, Duration.ofSeconds(5)))
      .retryOnException(e -> !closed)
      .build());

  public DeadLetteringKafkaConsumer(String bootstrapServers,
                                    EventuateKafkaConsumerConfigurationProperties consumerProperties,
                                    KafkaConsumerFactory consumerFactory, TopicPartitionToSwimlaneMapping swimlanes,
                                    DeadLetters deadLetters) {
    this.bootstrapServers = bootstrapServers;
    this.consumerProperties = consumerProperties;
    this.consumerFactory = consumerFactory;
    this.swimlanes = swimlanes;
    this.deadLetters = deadLetters;
  }

  @Override
  public MessageSubscription subscribe(String subscriberId, Set<String> channels, MessageHandler handler) {
    ExecutorService threads = Executors.newCachedThreadPool();
    swimlaneThreads.add(threads);
    SwimlaneBasedDispatcher dispatcher = new SwimlaneBasedDispatcher(subscriberId, threads, swimlanes);
    EventuateKafkaConsumerMessageHandler onRecord = (record, done) -> {
      try {
        return dispatcher.dispatch(new RawKafkaMessage(record.key(), record.value()),
            new TopicPartition(record.topic(), record.partition()), raw -> handle(subscriberId, record, handler, done));
      } catch (RejectedExecutionException closing) {
        // Closing: Eventuate's poll loop may still hand over a record after the swimlanes shut down. Left unhandled,
        // its offset is never committed, so it is consumed again after the restart; nothing is lost.
        return () -> 0;
      }
    };
    EventuateKafkaConsumer consumer = new EventuateKafkaConsumer(subscriberId, onRecord, new ArrayList<>(channels),
        bootstrapServers, consumerProperties, consumerFactory);
    consumers.add(consumer);
    consumer.start();
    return () -> {
      consumer.stop();
      consumers.remove(consumer);
      threads.shutdown();
      swimlaneThreads.remove(threads);
    };
  }

  /** Runs on the record's swimlane; {@code done} tells Eventuate's consumer the offset may be committed. */
  private void handle(String subscriberId, ConsumerRecord<String, byte[]> record, MessageHandler handler,
                      BiConsumer<Void, Throwable> done) {
    new ConsumedRecord(record.topic(), record.partition(), record.offset()).whileHandling(() -> {
      try {
        MessageImpl message;
        try {
          message = JSonMapper.fromJson(text(record), MessageImpl.class);
          message.getRequiredHeader("ID");
        } catch (RuntimeException notAMessage) {
          untilStored.executeRunnable(() ->
              deadLetters.store(subscriberId, record.topic(), null, null, text(record), notAMessage));
          done.accept(null, null);
          return;
        }
        handler.accept(message);
        done.accept(null, null);
      } catch (RuntimeException | Error e) {
        done.accept(null, e);
        throw e;
      }
    });
  }

  private static String text(ConsumerRecord<String, byte[]> record) {
    return record.value() == null ? null : EventuateBinaryMessageEncoding.bytesToString(record.value());
  }

  @Override
  public String getId() {
    return id;
  }

  @Override
  public void close() {
    closed = true;
    consumers.forEach(EventuateKafkaConsumer::stop);
    swimlaneThreads.forEach(ExecutorService::shutdown);
    // Let messages being handled finish while the database is still there (it closes after this consumer); a message
    // cut short is not lost, only handled again after the restart, since its offset was not committed.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    for (ExecutorService threads : swimlaneThreads) {
      try {
        threads.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
