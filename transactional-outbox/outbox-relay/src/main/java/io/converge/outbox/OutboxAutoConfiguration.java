package io.converge.outbox;

import io.converge.outbox.consumer.PacedCommitsKafkaConsumer;
import io.converge.outbox.consumer.RetryingHandlerDecorator;
import io.converge.outbox.deadletter.DeadLetterController;
import io.converge.outbox.deadletter.DeadLetteringKafkaConsumer;
import io.converge.outbox.deadletter.DeadLetters;
import io.converge.outbox.events.DomainEventOutbox;
import io.eventuate.tram.messaging.producer.MessageProducer;
import io.converge.service.security.ProtectedEndpoint;
import io.converge.service.security.ProtectedEndpoints;
import org.springframework.http.HttpMethod;
import java.util.List;
import io.converge.outbox.id.RandomNodeIdGenerator;
import io.converge.outbox.relay.OutboxRelay;
import io.converge.outbox.relay.RelayLease;
import io.converge.outbox.relay.OutboxRepository;
import io.converge.outbox.relay.RelayWakeupInterceptor;
import io.converge.outbox.retention.OutboxRetention;
import io.converge.outbox.wire.WireNameInterceptor;
import io.eventuate.common.id.IdGenerator;
import io.eventuate.tram.spring.jdbckafka.TramJdbcKafkaConfiguration;
import io.eventuate.messaging.kafka.basic.consumer.EventuateKafkaConsumerConfigurationProperties;
import io.eventuate.messaging.kafka.common.EventuateKafkaConfigurationProperties;
import io.eventuate.messaging.kafka.consumer.OriginalTopicPartitionToSwimlaneMapping;
import io.eventuate.tram.consumer.common.MessageConsumerImplementation;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Everything a service needs to write messages in its local transactions and have them reach Kafka: Eventuate's JDBC
 * producer and Kafka consumer, our relay, retention and wire names.
 */
@AutoConfiguration
@Import(TramJdbcKafkaConfiguration.class)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

  @Bean
  DomainEventOutbox domainEventOutbox(MessageProducer producer) {
    return new DomainEventOutbox(producer);
  }


  /**
   * Eventuate's generator derives ids from the MAC address and the clock: several services in one JVM (the local
   * stack) would mint the same ids and a consumer would drop one as a duplicate. A random node id per instance avoids
   * it.
   */
  @Bean
  @Primary
  IdGenerator randomNodeIdGenerator() {
    return new RandomNodeIdGenerator();
  }

  /**
   * The outbox's migrations (V1.x, in {@code db/outbox}) and the service's own (V2 and up) share one schema history: a
   * later outbox migration must still apply to a database whose own migrations are ahead of it.
   */
  @Bean
  FlywayConfigurationCustomizer outboxMigrationsApplyOutOfOrder() {
    return configuration -> configuration.outOfOrder(true);
  }

  @Bean
  WireNameInterceptor wireNameInterceptor() {
    return new WireNameInterceptor();
  }

  @Bean
  OutboxRepository outboxRepository(JdbcTemplate jdbcTemplate) {
    return new OutboxRepository(jdbcTemplate);
  }

  @Bean
  @ConditionalOnProperty(name = "converge.outbox.relay.enabled", havingValue = "true", matchIfMissing = true)
  OutboxRelay outboxRelay(OutboxRepository repository, JdbcTemplate jdbcTemplate, OutboxProperties properties,
                          @Value("${eventuatelocal.kafka.bootstrap.servers}") String bootstrapServers,
                          @Value("${spring.application.name:service}") String serviceName,
                          MeterRegistry meterRegistry) {
    return new OutboxRelay(repository, new RelayLease(jdbcTemplate, properties.relay().lease()), properties.relay(),
        bootstrapServers, serviceName, meterRegistry);
  }

  @Bean
  RelayWakeupInterceptor relayWakeupInterceptor(Optional<OutboxRelay> relay) {
    return new RelayWakeupInterceptor(relay);
  }

  @Bean
  DeadLetters deadLetters(JdbcTemplate jdbcTemplate, MeterRegistry meterRegistry,
                          @Value("${spring.application.name:service}") String serviceName) {
    DeadLetters deadLetters = new DeadLetters(jdbcTemplate);
    Gauge.builder("converge.dead_letters", deadLetters, DeadLetters::count)
        .description("Dead letters not replayed yet").tag("service", serviceName).register(meterRegistry);
    return deadLetters;
  }

  @Bean
  DeadLetterController deadLetterController(DeadLetters deadLetters) {
    return new DeadLetterController(deadLetters);
  }

  /** Reading dead letters (their payloads) is for viewers; replaying one, for operators. */
  @Bean
  ProtectedEndpoints deadLetterEndpoints() {
    return () -> List.of(ProtectedEndpoint.viewer(HttpMethod.GET, "/api/dead-letters"),
        ProtectedEndpoint.operator(HttpMethod.POST, "/api/dead-letters/*/replay"));
  }

  /**
   * Replaces Eventuate's consumer so that a record that is not a message cannot stop it, and so that handled offsets
   * are committed in paced batches.
   */
  @Bean
  @Primary
  MessageConsumerImplementation deadLetteringKafkaConsumer(EventuateKafkaConfigurationProperties kafka,
      EventuateKafkaConsumerConfigurationProperties consumerProperties, OutboxProperties properties,
      DeadLetters deadLetters) {
    return new DeadLetteringKafkaConsumer(kafka.getBootstrapServers(), consumerProperties,
        PacedCommitsKafkaConsumer.factory(properties.consumer().commitEvery()),
        new OriginalTopicPartitionToSwimlaneMapping(), deadLetters);
  }

  @Bean
  RetryingHandlerDecorator retryingHandlerDecorator(OutboxProperties properties, DeadLetters deadLetters) {
    OutboxProperties.HandlerRetry retry = properties.handlerRetry();
    return new RetryingHandlerDecorator(retry.maxAttempts(), retry.firstBackoff(), retry.maxBackoff(),
        deadLetters);
  }

  @Bean
  OutboxRetention outboxRetention(JdbcTemplate jdbcTemplate, OutboxProperties properties) {
    return new OutboxRetention(jdbcTemplate, properties.retention());
  }
}
