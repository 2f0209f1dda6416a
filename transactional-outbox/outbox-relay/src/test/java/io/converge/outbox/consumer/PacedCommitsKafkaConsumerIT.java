package io.converge.outbox.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.converge.devinfra.SharedInfrastructure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Paced offset commits against a real broker: fewer commits, and nothing handled is left uncommitted. */
class PacedCommitsKafkaConsumerIT {

  private static final int RECORDS = 5;

  @Test
  void offsetsHandledWithinTheIntervalAreCommittedTogetherAndAllOfThemOnClose() throws Exception {
    String topic = topicWithRecords();
    String group = "paced-" + UUID.randomUUID();
    PacedCommitsKafkaConsumer consumer = consumer(group, Duration.ofHours(1));
    try {
      consumer.subscribe(List.of(topic));
      handleAll(consumer);
      assertThat(committed(group)).as("kept: the interval has not passed").isEmpty();
    } finally {
      consumer.close();
    }
    assertThat(committed(group)).as("committed on close").contains((long) RECORDS);
  }

  @Test
  void partitionsTakenByARebalanceAreCommittedBeforeTheyGo() throws Exception {
    String topic = topicWithRecords();
    String group = "paced-" + UUID.randomUUID();
    PacedCommitsKafkaConsumer first = consumer(group, Duration.ofHours(1));
    try (PacedCommitsKafkaConsumer second = consumer(group, Duration.ofHours(1))) {
      first.subscribe(List.of(topic));
      handleAll(first);
      assertThat(committed(group)).isEmpty();

      second.subscribe(List.of(topic));
      // Both poll until the group settles: the first gives its partition up (or keeps it) at its next poll.
      long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (committed(group).isEmpty() && System.nanoTime() < until) {
        first.poll(Duration.ofMillis(100));
        second.poll(Duration.ofMillis(100));
      }
      assertThat(committed(group)).as("committed when the rebalance revoked the partition").contains((long) RECORDS);
    } finally {
      first.close();
    }
  }

  @Test
  void withNoIntervalEveryHandledOffsetIsCommittedAtOnce() throws Exception {
    String topic = topicWithRecords();
    String group = "paced-" + UUID.randomUUID();
    try (PacedCommitsKafkaConsumer consumer = consumer(group, Duration.ZERO)) {
      consumer.subscribe(List.of(topic));
      handleAll(consumer);
      long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!committed(group).equals(Optional.of((long) RECORDS)) && System.nanoTime() < until) {
        consumer.poll(Duration.ofMillis(50));
      }
      assertThat(committed(group)).contains((long) RECORDS);
    }
  }

  /** Polls every record and commits each one's offset as Eventuate does after handling it. */
  private static void handleAll(PacedCommitsKafkaConsumer consumer) {
    List<ConsumerRecord<String, byte[]>> handled = new ArrayList<>();
    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (handled.size() < RECORDS && System.nanoTime() < until) {
      for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
        handled.add(record);
        consumer.commitOffsets(Map.of(new TopicPartition(record.topic(), record.partition()),
            new OffsetAndMetadata(record.offset() + 1)));
      }
    }
    assertThat(handled).hasSize(RECORDS);
  }

  private static PacedCommitsKafkaConsumer consumer(String group, Duration commitEvery) {
    Properties props = new Properties();
    props.put("bootstrap.servers", SharedInfrastructure.kafka());
    props.put("group.id", group);
    props.put("enable.auto.commit", "false");
    props.put("auto.offset.reset", "earliest");
    props.put("key.deserializer", StringDeserializer.class.getName());
    props.put("value.deserializer", ByteArrayDeserializer.class.getName());
    // Eager rebalancing (Eventuate's consumers run with the client's default, whose first choice it is): every
    // partition is revoked when a member joins, so the rebalance test does not depend on who ends up owning it.
    props.put("partition.assignment.strategy", RangeAssignor.class.getName());
    return (PacedCommitsKafkaConsumer) PacedCommitsKafkaConsumer.factory(commitEvery).makeConsumer(group, props);
  }

  /** One partition, so that one committed offset says how far the group got. */
  private static String topicWithRecords() throws Exception {
    String topic = "converge.test.paced-" + UUID.randomUUID();
    try (Admin admin = admin()) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    Properties props = new Properties();
    props.put("bootstrap.servers", SharedInfrastructure.kafka());
    props.put("key.serializer", StringSerializer.class.getName());
    props.put("value.serializer", StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      for (int i = 0; i < RECORDS; i++) {
        producer.send(new ProducerRecord<>(topic, "k", "m" + i)).get();
      }
    }
    return topic;
  }

  private static Optional<Long> committed(String group) throws Exception {
    try (Admin admin = admin()) {
      return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
          .filter(Objects::nonNull).map(OffsetAndMetadata::offset).findFirst();
    }
  }

  private static Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka()));
  }
}
