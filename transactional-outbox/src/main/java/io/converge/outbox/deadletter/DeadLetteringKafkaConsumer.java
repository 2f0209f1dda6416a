package io.converge.outbox.deadletter;

import io.eventuate.common.json.mapper.JSonMapper;
import io.eventuate.messaging.kafka.consumer.KafkaSubscription;
import io.eventuate.messaging.kafka.consumer.MessageConsumerKafkaImpl;
import io.eventuate.tram.consumer.common.MessageConsumerImplementation;
import io.eventuate.tram.messaging.common.MessageImpl;
import io.eventuate.tram.messaging.consumer.MessageHandler;
import io.eventuate.tram.messaging.consumer.MessageSubscription;
import java.util.Set;

/**
 * Eventuate's Kafka consumer, except that a record which is not a message is stored as a dead letter instead of
 * throwing: Eventuate parses records outside any handler, and an exception there stops that consumer for good and
 * blocks its partitions. Kafka hands Eventuate only the record's value, so topic, partition and offset are not known
 * here: the dead letter names the subscriber's channels.
 */
public class DeadLetteringKafkaConsumer implements MessageConsumerImplementation {

  private final MessageConsumerKafkaImpl kafka;
  private final DeadLetters deadLetters;

  public DeadLetteringKafkaConsumer(MessageConsumerKafkaImpl kafka, DeadLetters deadLetters) {
    this.kafka = kafka;
    this.deadLetters = deadLetters;
  }

  @Override
  public MessageSubscription subscribe(String subscriberId, Set<String> channels, MessageHandler handler) {
    KafkaSubscription subscription = kafka.subscribe(subscriberId, channels, record -> {
      MessageImpl message;
      try {
        message = JSonMapper.fromJson(record.getPayload(), MessageImpl.class);
        message.getRequiredHeader("ID");
      } catch (RuntimeException notAMessage) {
        deadLetters.store(subscriberId, String.join(",", channels), null, null, record.getPayload(), notAMessage);
        return;
      }
      handler.accept(message);
    });
    return subscription::close;
  }

  @Override
  public String getId() {
    return kafka.getId();
  }

  @Override
  public void close() {
    kafka.close();
  }
}
