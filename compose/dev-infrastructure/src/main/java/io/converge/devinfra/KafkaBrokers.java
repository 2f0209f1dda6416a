package io.converge.devinfra;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Finds a Kafka broker, in this order: {@code CONVERGE_KAFKA_BOOTSTRAP}; Testcontainers Kafka when a Docker engine
 * answers (tests only); else an in-JVM KRaft broker.
 */
public final class KafkaBrokers {

  /** Partitions of each topic the in-JVM broker creates on first use: room for parallel consumers. */
  public static final int PARTITIONS = 4;

  private KafkaBrokers() {
  }

  /**
   * @param useDocker try Testcontainers (tests)
   * @return bootstrap servers (the in-JVM broker listens on a free port)
   */
  public static String find(boolean useDocker) {
    String explicit = System.getenv("CONVERGE_KAFKA_BOOTSTRAP");
    if (explicit != null && !explicit.isBlank()) {
      return explicit;
    }
    if (useDocker && DockerClientFactory.instance().isDockerAvailable()) {
      KafkaContainer kafka = new KafkaContainer("apache/kafka-native:3.8.0");
      kafka.start();
      return kafka.getBootstrapServers();
    }
    return startInJvm();
  }

  private static String startInJvm() {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
    broker.brokerProperties(Map.of(
        "auto.create.topics.enable", "true",
        "num.partitions", String.valueOf(PARTITIONS),
        "offsets.topic.num.partitions", "4",
        "group.initial.rebalance.delay.ms", "0",
        "log.flush.interval.messages", String.valueOf(Long.MAX_VALUE)));
    broker.afterPropertiesSet();
    Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy));
    return broker.getBrokersAsString();
  }
}
