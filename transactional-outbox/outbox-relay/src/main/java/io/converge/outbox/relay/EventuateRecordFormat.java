package io.converge.outbox.relay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The Kafka record Eventuate's consumer reads: topic = destination, key = the PARTITION_ID header (else ID), value =
 * {@code {"payload": "...", "headers": {...}}}. One message per record: Eventuate's consumer rejects batched records.
 */
final class EventuateRecordFormat {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EventuateRecordFormat() {
  }

  /** A row read from the outbox table, its headers as Eventuate stored them (JSON). */
  static ReadyRecord toRecord(OutboxMessage message) {
    try {
      JsonNode headers = JSON.readTree(message.headers());
      String key = headers.hasNonNull("PARTITION_ID") ? headers.get("PARTITION_ID").asText()
          : headers.path("ID").asText(message.id());
      return ready(message.id(), message.destination(), key, message.payload(), headers, message.creationTime());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Outbox row " + message.id() + " has unreadable headers", e);
    }
  }

  /** A row handed over by the transaction that wrote it: the headers Eventuate stored, before they were stored. */
  static ReadyRecord toRecord(String id, String destination, Map<String, String> headers, String payload,
                              long creationTime) {
    return ready(id, destination, keyOf(id, headers), payload, JSON.valueToTree(headers), creationTime);
  }

  static String keyOf(String id, Map<String, String> headers) {
    return headers.get("PARTITION_ID") != null ? headers.get("PARTITION_ID") : headers.getOrDefault("ID", id);
  }

  private static ReadyRecord ready(String id, String destination, String key, String payload, JsonNode headers,
                                   long creationTime) {
    ObjectNode value = JSON.createObjectNode();
    value.put("payload", payload);
    value.set("headers", headers);
    try {
      return new ReadyRecord(id, new ProducerRecord<>(destination, key, JSON.writeValueAsString(value)),
          creationTime);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Outbox row " + id + " cannot be written as JSON", e);
    }
  }

  /** A record ready to send, with the outbox row it came from and when that row was written. */
  record ReadyRecord(String id, ProducerRecord<String, String> record, long creationTime) {

    String key() {
      return record.key();
    }
  }
}
