package io.converge.orchestrator.placeorder;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many sagas the orchestrator accepts, under {@code converge.admission}. Past capacity, sagas queue behind each
 * other until their steps time out, and the retries add load: accepting fewer keeps every accepted saga within its
 * deadline. Set it to the sustained rate measured for your installation (docs/benchmarks.md).
 *
 * @param maxSagasPerSecond new sagas accepted per second; more get 429 with Retry-After (0: no limit)
 */
@ConfigurationProperties("converge.admission")
public record AdmissionProperties(@DefaultValue("35") int maxSagasPerSecond) {

  Duration period() {
    return Duration.ofSeconds(1);
  }
}
