package io.converge.outbox.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.converge.outbox.OutboxProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FallbackPollTest {

  private static final OutboxProperties.Relay SETTINGS = new OutboxProperties.Relay(true, 500, Duration.ofMillis(50),
      Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(3), Duration.ofMillis(50), Map.of());

  @Test
  void pollsAtTheConfiguredPaceForASecondOfFindingNothing() {
    assertThat(OutboxRelay.fallbackPollAfter(0, SETTINGS)).isEqualTo(Duration.ofMillis(50));
    assertThat(OutboxRelay.fallbackPollAfter(19, SETTINGS)).isEqualTo(Duration.ofMillis(50));
  }

  @Test
  void thenBacksOffDoublingUpToTheIdlePoll() {
    assertThat(OutboxRelay.fallbackPollAfter(20, SETTINGS)).isEqualTo(Duration.ofMillis(100));
    assertThat(OutboxRelay.fallbackPollAfter(22, SETTINGS)).isEqualTo(Duration.ofMillis(400));
    assertThat(OutboxRelay.fallbackPollAfter(25, SETTINGS)).isEqualTo(Duration.ofSeconds(1));
    assertThat(OutboxRelay.fallbackPollAfter(10_000, SETTINGS)).isEqualTo(Duration.ofSeconds(1));
  }
}
