package io.converge.saga.runtime.timers;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Command sent → its reply handled, per participant, over the last half minute or so. Under a backlog (the relay's,
 * the participant's consumer's or our reply consumer's) replies take longer; a timer compares a command's age with
 * this to tell a command still queued from one that is lost.
 */
@Component
class StepLatencies {

  private final MeterRegistry registry;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  StepLatencies(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(String participant, long millis) {
    timer(participant).record(millis, TimeUnit.MILLISECONDS);
  }

  /** The recent 99th percentile for the participant; zero before any reply. */
  Duration recentP99(String participant) {
    for (ValueAtPercentile value : timer(participant).takeSnapshot().percentileValues()) {
      if (value.percentile() == 0.99) {
        return Duration.ofMillis((long) value.value(TimeUnit.MILLISECONDS));
      }
    }
    return Duration.ZERO;
  }

  private Timer timer(String participant) {
    return timers.computeIfAbsent(participant, p -> Timer.builder("converge.saga.step.latency")
        .description("Command sent → its reply handled, per participant").tag("participant", p)
        .publishPercentiles(0.5, 0.99).distributionStatisticExpiry(Duration.ofSeconds(30))
        .distributionStatisticBufferLength(3).register(registry));
  }
}
