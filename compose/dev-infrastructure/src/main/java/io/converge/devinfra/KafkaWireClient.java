package io.converge.devinfra;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Talks to services over the real wire, for tests: sends commands as Eventuate would, reads topics from the start, and
 * re-delivers a record to prove a duplicate changes nothing.
 */
public final class KafkaWireClient implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String bootstrap;
  private final KafkaProducer<String, String> producer;

  public KafkaWireClient(String bootstrap) {
    this.bootstrap = bootstrap;
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    props.put("acks", "all");
    props.put("key.serializer", StringSerializer.class.getName());
    props.put("value.serializer", StringSerializer.class.getName());
    this.producer = new KafkaProducer<>(props);
  }

  /**
   * Sends a saga command the way Eventuate's saga orchestrator does.
   *
   * @return the message id
   */
  public String sendCommand(String channel, String commandType, Object command, String replyTo, String sagaId) {
    String id = UUID.randomUUID().toString();
    Map<String, String> headers = new HashMap<>();
    headers.put("ID", id);
    headers.put("PARTITION_ID", sagaId);
    headers.put("DESTINATION", channel);
    headers.put("command_type", commandType);
    headers.put("command__destination", channel);
    headers.put("command_reply_to", replyTo);
    headers.put("command_saga_id", sagaId);
    headers.put("command_saga_type", "converge.TestSaga");
    send(channel, sagaId, headers, toJson(command));
    return id;
  }

  /**
   * Answers a saga command the way a participant does: on the command's reply channel, correlated with it (its
   * {@code command_*} headers as {@code commandreply_*}, in reply to its id).
   *
   * @return the reply's message id
   */
  public String reply(WireMessage command, Object reply, boolean success) {
    Map<String, String> headers = replyHeaders(command, reply, success);
    send(headers.get("DESTINATION"), command.header("command_saga_id"), headers, toJson(reply));
    return headers.get("ID");
  }

  /** The headers of a participant's reply to the command (for a test that sends it somewhere else). */
  public static Map<String, String> replyHeaders(WireMessage command, Object reply, boolean success) {
    Map<String, String> headers = new HashMap<>();
    command.headers().forEach((name, value) -> {
      if (name.startsWith("command_")) {
        headers.put("commandreply_" + name.substring("command_".length()), value);
      }
    });
    headers.put("ID", UUID.randomUUID().toString());
    headers.put("PARTITION_ID", command.header("command_saga_id"));
    headers.put("DESTINATION", command.header("command_reply_to"));
    headers.put("reply_to_message_id", command.header("ID"));
    headers.put("reply_type", io.converge.contracts.MessageCatalog.wireNameOf(reply.getClass()));
    headers.put("reply_outcome-type", success ? "SUCCESS" : "FAILURE");
    return headers;
  }

  public void send(String topic, String key, Map<String, String> headers, String payload) {
    Map<String, Object> value = Map.of("payload", payload, "headers", headers);
    try {
      producer.send(new ProducerRecord<>(topic, key, JSON.writeValueAsString(value))).get();
    } catch (Exception e) {
      throw new IllegalStateException("Could not send to " + topic, e);
    }
  }

  /** Sends a raw value to one partition: e.g. a record no consumer can parse. */
  public void sendRaw(String topic, int partition, String value) {
    try {
      producer.send(new ProducerRecord<>(topic, partition, "poison", value)).get();
    } catch (Exception e) {
      throw new IllegalStateException("Could not send to " + topic, e);
    }
  }

  /** Delivers a message again, exactly as it was. */
  public void redeliver(WireMessage message) {
    send(message.topic(), message.key(), message.headers(), message.payload());
  }

  /**
   * Reads the topic from the beginning until {@code count} messages match or the wait is over.
   */
  public List<WireMessage> await(String topic, Predicate<WireMessage> matching, int count, Duration wait) {
    Properties props = new Properties();
    props.put("bootstrap.servers", bootstrap);
    props.put("group.id", "wire-client-" + UUID.randomUUID());
    props.put("auto.offset.reset", "earliest");
    props.put("enable.auto.commit", "false");
    props.put("key.deserializer", StringDeserializer.class.getName());
    props.put("value.deserializer", StringDeserializer.class.getName());
    List<WireMessage> found = new ArrayList<>();
    long deadline = System.nanoTime() + wait.toNanos();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of(topic));
      while (found.size() < count && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
          WireMessage message = parse(record);
          if (message != null && matching.test(message)) {
            found.add(message);
          }
        }
      }
    }
    return found;
  }

  /**
   * Sends a command {@code times} times as saga {@code sagaId}, then waits until {@code expectedReplies} replies to that
   * saga are on {@code replyChannel} (earlier replies to the same saga count too).
   */
  public List<WireMessage> sendAndAwaitReplies(String channel, Object command, int times, String replyChannel,
                                               String sagaId, int expectedReplies) {
    String commandType = io.converge.contracts.MessageCatalog.wireNameOf(command.getClass());
    for (int i = 0; i < times; i++) {
      sendCommand(channel, commandType, command, replyChannel, sagaId);
    }
    return await(replyChannel, m -> sagaId.equals(m.header("commandreply_saga_id")), expectedReplies,
        Duration.ofSeconds(30));
  }

  private static WireMessage parse(ConsumerRecord<String, String> record) {
    try {
      JsonNode value = JSON.readTree(record.value());
      Map<String, String> headers = JSON.convertValue(value.get("headers"), new TypeReference<>() { });
      if (headers == null || !value.hasNonNull("payload")) {
        return null; // not a message (a poison record some test sent)
      }
      return new WireMessage(record.topic(), record.partition(), record.offset(), record.key(), headers,
          value.get("payload").asText());
    } catch (Exception e) {
      return null;
    }
  }

  public static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static JsonNode readJson(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
