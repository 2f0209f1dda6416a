package io.converge.outbox.events;

import io.converge.contracts.MessageCatalog;
import io.converge.contracts.events.PublishedEvent;
import io.eventuate.common.json.mapper.JSonMapper;
import io.eventuate.tram.messaging.common.Message;
import io.eventuate.tram.messaging.producer.MessageBuilder;
import io.eventuate.tram.messaging.producer.MessageProducer;

/**
 * Publishes a service's domain events through its outbox: call it inside the transaction that changed the state, and
 * the event is sent if and only if that transaction commits. The headers are Eventuate's domain-event headers, with
 * the contracts' wire name as the event type, and the aggregate id as the Kafka key: one aggregate's events stay in
 * order.
 */
public class DomainEventOutbox {

  /** Eventuate's domain-event headers (its {@code EventMessageHeaders}). */
  public static final String AGGREGATE_TYPE = "event-aggregate-type";
  public static final String AGGREGATE_ID = "event-aggregate-id";
  public static final String EVENT_TYPE = "event-type";

  private final MessageProducer producer;

  public DomainEventOutbox(MessageProducer producer) {
    this.producer = producer;
  }

  /** @param channel the aggregate type's channel, e.g. {@code OrderEvent.CHANNEL} */
  public void publish(String channel, PublishedEvent event) {
    Message message = MessageBuilder.withPayload(JSonMapper.toJson(event))
        .withHeader(AGGREGATE_TYPE, channel)
        .withHeader(AGGREGATE_ID, event.aggregateId())
        .withHeader(EVENT_TYPE, MessageCatalog.wireNameOf(event.getClass()))
        .withHeader(Message.PARTITION_ID, event.aggregateId())
        .build();
    producer.send(channel, message);
  }
}
