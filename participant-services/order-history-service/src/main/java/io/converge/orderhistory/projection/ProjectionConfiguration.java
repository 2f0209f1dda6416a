package io.converge.orderhistory.projection;

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
   * A batch that failed to apply (the database away, say) is retried with backoff for as long as it takes: the model
   * falls behind, it never skips a fact. (Unreadable records never fail a batch: the listener skips them.)
   */
  @Bean
  CommonErrorHandler projectionErrorHandler() {
    ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
    backOff.setMaxInterval(5_000);
    return new DefaultErrorHandler((record, error) -> log.error("Gave up on {}-{}@{}", record.topic(),
        record.partition(), record.offset(), error), backOff);
  }
}
