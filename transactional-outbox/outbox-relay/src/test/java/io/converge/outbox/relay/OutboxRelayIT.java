package io.converge.outbox.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.converge.devinfra.KafkaWireClient;
import io.converge.devinfra.RunningService;
import io.converge.devinfra.WireMessage;
import io.converge.devinfra.SharedInfrastructure;
import io.eventuate.tram.messaging.common.Message;
import io.eventuate.tram.messaging.consumer.MessageConsumer;
import io.eventuate.tram.messaging.producer.MessageBuilder;
import io.eventuate.tram.messaging.producer.MessageProducer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.converge.outbox.OutboxProperties;
import io.converge.outbox.retention.OutboxRetention;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The relay against real MariaDB and Kafka, with Eventuate's own producer writing and consumer reading. */
class OutboxRelayIT {

  private static final OutboxProperties.Relay SETTINGS = new OutboxProperties.Relay(true, 500, Duration.ofMillis(50),
      Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(3), Duration.ofMillis(50), Map.of());

  private static RunningService service;
  private static KafkaWireClient wire;

  @BeforeAll
  static void start() {
    service = RunningService.start(new SpringApplicationBuilder(RelayTestApplication.class)
        .properties("spring.config.name=relay-test"), "it_relay", Map.of("server.port", 0));
    wire = new KafkaWireClient(SharedInfrastructure.kafka());
  }

  @AfterAll
  static void stop() {
    wire.close();
    service.close();
  }

  @Test
  void keepsTheOrderOfMessagesWithTheSameKey() {
    String channel = "converge.test.order-" + UUID.randomUUID();
    List<String> keys = List.of("key-a", "key-b", "key-c");
    int perKey = 40;
    for (int i = 0; i < perKey; i++) {
      for (String key : keys) {
        send(channel, key, key + ":" + i);
      }
    }

    List<WireMessage> received = wire.await(channel, m -> true, perKey * keys.size(), Duration.ofSeconds(30));

    assertThat(received).hasSize(perKey * keys.size());
    for (String key : keys) {
      List<String> payloads = received.stream().filter(m -> m.key().equals(key)).map(WireMessage::payload).toList();
      assertThat(payloads).containsExactlyElementsOf(
          java.util.stream.IntStream.range(0, perKey).mapToObj(i -> key + ":" + i).toList());
    }
  }

  @Test
  void aRowWhoseTransactionRolledBackIsNeverPublished() {
    String channel = "converge.test.rollback-" + UUID.randomUUID();
    TransactionTemplate transactions = service.bean(TransactionTemplate.class);
    transactions.executeWithoutResult(tx -> {
      service.bean(MessageProducer.class).send(channel,
          MessageBuilder.withPayload("rolled-back").withHeader(Message.PARTITION_ID, "k").build());
      tx.setRollbackOnly();
    });
    send(channel, "k", "committed");

    List<WireMessage> received = wire.await(channel, m -> true, 2, Duration.ofSeconds(3));
    assertThat(received).extracting(WireMessage::payload).containsExactly("committed");
  }

  @Test
  void aCrashBetweenPublishAndMarkPublishesAgainAndTheConsumerHandlesItOnce() {
    String channel = "converge.test.crash-" + UUID.randomUUID();
    Queue<String> handled = new ConcurrentLinkedQueue<>();
    service.bean(MessageConsumer.class).subscribe("relay-it-" + UUID.randomUUID(), Set.of(channel),
        message -> handled.add(message.getPayload()));
    JdbcTemplate jdbc = service.bean(JdbcTemplate.class);
    AtomicBoolean crashed = new AtomicBoolean();
    // A second relay over the same outbox whose first mark "crashes"; the service's own relay is stopped so only
    // this one publishes.
    service.bean(OutboxRelay.class).stop();
    OutboxRepository crashingOnce = new OutboxRepository(jdbc) {
      @Override
      public void markPublished(List<String> ids) {
        if (crashed.compareAndSet(false, true)) {
          throw new IllegalStateException("simulated crash between publish and mark");
        }
        super.markPublished(ids);
      }
    };
    OutboxRelay relay = new OutboxRelay(crashingOnce, new RelayLease(jdbc, Duration.ofSeconds(3)), SETTINGS,
        SharedInfrastructure.kafka(), "crash-test", new SimpleMeterRegistry());
    try {
      send(channel, "key-1", "exactly-once-effect");
      relay.start();

      List<WireMessage> onKafka = wire.await(channel, m -> true, 2, Duration.ofSeconds(20));
      assertThat(onKafka).as("published before the crash and again after it").hasSize(2);
      assertThat(onKafka.get(0).header("ID")).isEqualTo(onKafka.get(1).header("ID"));
      // A marker behind the repeat on the same key (so the same partition): once it is handled, so was the repeat.
      send(channel, "key-1", "marker");
      await().atMost(Duration.ofSeconds(20)).until(() -> handled.contains("marker"));
      assertThat(handled).containsExactly("exactly-once-effect", "marker");
    } finally {
      relay.stop();
      service.bean(OutboxRelay.class).start();
    }
  }

  @Test
  void rowsPublishedInSeveralRoundsAreMarkedByOneUpdateAndEachIsPublishedOnce() throws InterruptedException {
    String channel = "converge.test.marks-" + UUID.randomUUID();
    JdbcTemplate jdbc = service.bean(JdbcTemplate.class);
    AtomicInteger marks = new AtomicInteger();
    AtomicInteger marked = new AtomicInteger();
    service.bean(OutboxRelay.class).stop();
    OutboxRepository counting = new OutboxRepository(jdbc) {
      @Override
      public void markPublished(List<String> ids) {
        marks.incrementAndGet();
        marked.addAndGet(ids.size());
        super.markPublished(ids);
      }
    };
    OutboxProperties.Relay slowMarks = new OutboxProperties.Relay(true, 500, Duration.ofMillis(50),
        Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(3), Duration.ofMillis(500), Map.of());
    OutboxRelay relay = new OutboxRelay(counting, new RelayLease(jdbc, Duration.ofSeconds(3)), slowMarks,
        SharedInfrastructure.kafka(), "marks-test", new SimpleMeterRegistry());
    try {
      relay.start();
      for (int i = 0; i < 10; i++) {
        send(channel, "k", "m" + i);
        relay.wake();
        Thread.sleep(20);
      }
      assertThat(wire.await(channel, m -> true, 10, Duration.ofSeconds(20))).hasSize(10);
      await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM message "
          + "WHERE destination = ? AND published = 0", Integer.class, channel) == 0);
      assertThat(marks.get()).as("updates for 10 rows published in separate rounds").isLessThan(5);
      assertThat(wire.await(channel, m -> true, 11, Duration.ofSeconds(2)))
          .as("a row waiting for its mark is not published again").hasSize(10);
    } finally {
      relay.stop();
      service.bean(OutboxRelay.class).start();
    }
  }

  @Test
  void onlyTheLeaseHolderPublishesAndAStandbyTakesOverWithinFiveSecondsOfItsDeath() {
    String channel = "converge.test.lease-" + UUID.randomUUID();
    JdbcTemplate jdbc = service.bean(JdbcTemplate.class);
    OutboxRelay active = service.bean(OutboxRelay.class);
    OutboxRelay standby = new OutboxRelay(new OutboxRepository(jdbc), new RelayLease(jdbc, Duration.ofSeconds(3)),
        SETTINGS, SharedInfrastructure.kafka(), "standby", new SimpleMeterRegistry());
    standby.start();
    try {
      send(channel, "k", "before");
      assertThat(wire.await(channel, m -> true, 1, Duration.ofSeconds(10))).hasSize(1);

      active.abandon();
      long died = System.nanoTime();
      send(channel, "k", "after");

      await().atMost(Duration.ofSeconds(5)).until(() -> wire.await(channel, m -> m.payload().equals("after"), 1,
          Duration.ofMillis(300)).size() == 1);
      System.out.printf("Standby relay published %d ms after the active one died%n",
          (System.nanoTime() - died) / 1_000_000);
      assertThat(wire.await(channel, m -> true, 3, Duration.ofSeconds(2)))
          .as("each message published once: the dead relay published nothing after its death").hasSize(2);
    } finally {
      standby.stop();
      active.start();
    }
  }

  @Test
  void retentionDeletesOnlyExpiredPublishedRowsExpiredDedupRowsAndLongReplayedDeadLettersInBatches() {
    JdbcTemplate jdbc = service.bean(JdbcTemplate.class);
    long hourAgo = System.currentTimeMillis() - Duration.ofHours(1).toMillis();
    String prefix = "retention-" + UUID.randomUUID() + "-";
    for (int i = 0; i < 5; i++) {
      jdbc.update("INSERT INTO message (id, destination, headers, payload, published, creation_time) "
          + "VALUES (?, 'x', '{}', '{}', ?, ?)", prefix + i, i < 3 ? 1 : 0, hourAgo);
      jdbc.update("INSERT INTO received_messages (consumer_id, message_id, creation_time) VALUES (?, ?, ?)",
          prefix, prefix + i, i < 4 ? hourAgo - Duration.ofDays(8).toMillis() : hourAgo);
    }
    for (String replayed : new String[] {"DATE_SUB(NOW(3), INTERVAL 40 DAY)", "NOW(3)", "NULL"}) {
      jdbc.update("INSERT INTO dead_letters (subscriber_id, payload, error, created_at, replayed_at) "
          + "VALUES (?, ?, 'e', DATE_SUB(NOW(3), INTERVAL 50 DAY), " + replayed + ")", prefix, replayed);
    }
    OutboxRetention retention = new OutboxRetention(jdbc, new OutboxProperties.Retention(Duration.ofMinutes(30),
        Duration.ofDays(7), Duration.ofDays(30), Duration.ofMinutes(1), 2));

    retention.purgeExpired();

    assertThat(jdbc.queryForList("SELECT id FROM message WHERE id LIKE ? ORDER BY id", String.class, prefix + "%"))
        .as("unpublished rows stay however old").containsExactly(prefix + 3, prefix + 4);
    assertThat(jdbc.queryForList("SELECT message_id FROM received_messages WHERE consumer_id = ?", String.class,
        prefix)).as("dedup rows inside the window stay").containsExactly(prefix + 4);
    assertThat(jdbc.queryForList("SELECT payload FROM dead_letters WHERE subscriber_id = ? ORDER BY id", String.class,
        prefix)).as("a dead letter never replayed stays however old; one replayed stays its retention")
        .containsExactly("NOW(3)", "NULL");
  }

  private static void send(String channel, String key, String payload) {
    Message message = MessageBuilder.withPayload(payload).withHeader(Message.PARTITION_ID, key).build();
    service.bean(TransactionTemplate.class).executeWithoutResult(tx ->
        service.bean(MessageProducer.class).send(channel, message));
  }
}
