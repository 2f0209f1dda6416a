package io.converge.orderhistory.projection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration
class ProjectionConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ProjectionConfiguration.class);

  /**
   * An event that failed to apply (the database away, say) is retried with backoff for as long as it takes: the model
   * falls behind, it never skips a fact. Only a record that no retry can read is skipped, logged and counted.
   */
  @Bean
  CommonErrorHandler projectionErrorHandler(MeterRegistry registry) {
    Counter skipped = Counter.builder("converge.read_model.skipped")
        .description("Records on the event channels that are no readable domain event of ours").register(registry);
    ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
    backOff.setMaxInterval(5_000);
    DefaultErrorHandler handler = new DefaultErrorHandler((record, error) -> {
      skipped.increment();
      log.warn("Skipped {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), error.getMessage());
    }, backOff);
    handler.addNotRetryableExceptions(EventRecord.UnreadableEvent.class);
    return handler;
  }
}
