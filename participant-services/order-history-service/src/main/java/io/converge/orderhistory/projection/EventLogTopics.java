package io.converge.orderhistory.projection;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The event channels are the log the read model is rebuilt from, so they keep every event: retention off (made so
 * at start, also for a channel that exists; its partitions are left as they are, since changing them would move
 * aggregates between partitions). docs/adr/0003-read-model-rebuild-from-kafka.md.
 */
@Configuration
class EventLogTopics {

  @Bean
  KafkaAdmin.NewTopics eventChannelsKeptForReplay() {
    return new KafkaAdmin.NewTopics(ProjectionListener.CHANNELS.stream()
        .map(channel -> TopicBuilder.name(channel).config(TopicConfig.RETENTION_MS_CONFIG, "-1").build())
        .toArray(NewTopic[]::new));
  }
}
