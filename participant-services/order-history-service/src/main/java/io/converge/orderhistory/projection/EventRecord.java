package io.converge.orderhistory.projection;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.converge.contracts.MessageCatalog;
import io.converge.contracts.events.PublishedEvent;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One domain event as read from Kafka, in its current version (an old version upcast), with where it was read.
 *
 * @param messageId the outbox message's id: the same event published twice has the same one
 * @param payload   the event as published, for the timeline
 */
record EventRecord(String messageId, String topic, int partition, long offset, String eventType,
                   PublishedEvent event, String payload) {

  /** Newer fields an older reader does not know are ignored: a publisher may add fields before its readers know them. */
  static final ObjectMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** @throws UnreadableEvent for a record that is no domain event of ours, or one that can't be read */
  static EventRecord of(ConsumerRecord<String, String> record) {
    try {
      JsonNode message = JSON.readTree(record.value());
      JsonNode headers = message.path("headers");
      String type = headers.path("event-type").asText(null);
      Class<? extends PublishedEvent> eventClass = MessageCatalog.eventClass(type == null ? "" : type)
          .orElseThrow(() -> new UnreadableEvent("no event type of ours: " + type));
      String payload = message.path("payload").asText();
      PublishedEvent event = MessageCatalog.current(JSON.readValue(payload, eventClass));
      return new EventRecord(headers.path("ID").asText(record.topic() + "-" + record.partition() + "-"
          + record.offset()), record.topic(), record.partition(), record.offset(), type, event, payload);
    } catch (UnreadableEvent e) {
      throw e;
    } catch (Exception e) {
      throw new UnreadableEvent("unreadable record " + record.topic() + "-" + record.partition() + "@"
          + record.offset() + ": " + e.getMessage());
    }
  }

  Instant occurredAt() {
    return Instant.ofEpochMilli(event.occurredAtEpochMillis());
  }

  /** A record no retry can make readable: skipped, counted and logged, never retried. */
  static final class UnreadableEvent extends RuntimeException {
    UnreadableEvent(String message) {
      super(message);
    }
  }
}
