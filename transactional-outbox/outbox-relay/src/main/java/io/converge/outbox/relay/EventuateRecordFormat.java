package io.converge.outbox.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The Kafka record Eventuate's consumer reads: topic = destination, key = the PARTITION_ID header (else ID), value =
 * {@code {"payload": "...", "headers": {...}}}. One message per record: Eventuate's consumer rejects batched records.
 */
final class EventuateRecordFormat {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EventuateRecordFormat() {
  }

  static ProducerRecord<String, String> toRecord(OutboxMessage message) {
    try {
      JsonNode headers = JSON.readTree(message.headers());
      String key = headers.hasNonNull("PARTITION_ID") ? headers.get("PARTITION_ID").asText()
          : headers.path("ID").asText(message.id());
      ObjectNode value = JSON.createObjectNode();
      value.put("payload", message.payload());
      value.set("headers", headers);
      return new ProducerRecord<>(message.destination(), key, JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Outbox row " + message.id() + " has unreadable headers", e);
    }
  }
}
