package io.converge.orchestrator.placeorder;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Admission control for new sagas: a Resilience4j rate limiter that never waits. */
@Component
class Admission {

  private final RateLimiter limiter;

  Admission(AdmissionProperties properties) {
    this.limiter = properties.maxSagasPerSecond() <= 0 ? null : RateLimiter.of("saga-admission",
        RateLimiterConfig.custom().limitForPeriod(properties.maxSagasPerSecond())
            .limitRefreshPeriod(properties.period()).timeoutDuration(Duration.ZERO).build());
  }

  /** Takes a permit for one new saga, or refuses with 429. */
  void admit() {
    if (limiter != null && !limiter.acquirePermission()) {
      throw new OverloadedException();
    }
  }

  /** 429 Too Many Requests: the orchestrator is at the saga rate it can finish within deadlines. */
  static class OverloadedException extends RuntimeException {
    OverloadedException() {
      super("The orchestrator is accepting as many sagas as it can finish in time; retry after a second");
    }
  }
}
