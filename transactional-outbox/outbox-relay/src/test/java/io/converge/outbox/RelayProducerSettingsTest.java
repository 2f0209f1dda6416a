package io.converge.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelayProducerSettingsTest {

  @Test
  void takesSettingsThatLeaveTheRelaysGuaranteesAlone() {
    OutboxProperties.Relay relay = relay(Map.of("security.protocol", "SSL", "compression.type", "lz4"));

    assertThat(relay.producer()).containsEntry("security.protocol", "SSL").containsEntry("compression.type", "lz4");
  }

  @Test
  void refusesSettingsThatOrderingOrDeliveryRestOn() {
    assertThatThrownBy(() -> relay(Map.of("acks", "1", "partitioner.class", "x", "linger.ms", "5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("[acks, partitioner.class]");
  }

  private static OutboxProperties.Relay relay(Map<String, String> producer) {
    return new OutboxProperties.Relay(true, 500, Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofSeconds(5),
        Duration.ofSeconds(3), Duration.ofMillis(50), producer);
  }
}
