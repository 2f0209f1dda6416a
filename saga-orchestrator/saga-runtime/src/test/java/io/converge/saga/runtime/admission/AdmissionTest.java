package io.converge.saga.runtime.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.converge.saga.runtime.state.SagaEnded;
import io.converge.saga.runtime.state.SagaState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdmissionTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void refusesSagasBeyondTheLimitInFlightWithoutWaiting() {
    Admission admission = admission(properties(Duration.ofSeconds(1), 2));
    admission.admit().heldBy("saga-1");
    admission.admit().heldBy("saga-2");

    assertThatThrownBy(admission::admit).isInstanceOf(Admission.OverloadedException.class);
    assertThat(registry.get("converge.admission.refused").counter().count()).isEqualTo(1);
  }

  @Test
  void aSagaThatEndsGivesItsPlaceBack() {
    Admission admission = admission(properties(Duration.ofSeconds(1), 2));
    admission.admit().heldBy("saga-1");
    admission.admit().heldBy("saga-2");

    admission.sagaEnded(new SagaEnded("saga-1", SagaState.COMPLETED));

    assertThatCode(admission::admit).doesNotThrowAnyException();
  }

  @Test
  void sagasSlowerThanTheTargetShrinkTheLimit() throws InterruptedException {
    Admission admission = admission(properties(Duration.ofMillis(1), 10));
    for (int i = 0; i < 5; i++) {
      admission.admit().heldBy("slow-" + i);
    }
    Thread.sleep(5);
    for (int i = 0; i < 5; i++) {
      admission.sagaEnded(new SagaEnded("slow-" + i, SagaState.COMPLETED));
    }

    assertThat(registry.get("converge.admission.limit").gauge().value()).isLessThan(10);
  }

  @Test
  void aPermitNoSagaTookIsReleased() {
    Admission admission = admission(properties(Duration.ofSeconds(1), 1));
    admission.admit().release();

    assertThatCode(() -> admission.admit().heldBy("saga")).doesNotThrowAnyException();
  }

  @Test
  void disabledAdmitsEverything() {
    Admission admission = admission(new AdmissionProperties(false, Duration.ofSeconds(1), 1, 1, 1));
    assertThatCode(() -> {
      for (int i = 0; i < 10_000; i++) {
        admission.admit().heldBy("saga-" + i);
      }
    }).doesNotThrowAnyException();
  }

  /** No saga store: the periodic look-up of sagas that ended in another instance is not run here. */
  private Admission admission(AdmissionProperties properties) {
    return new Admission(properties, null, registry);
  }

  private static AdmissionProperties properties(Duration target, int limit) {
    return new AdmissionProperties(true, target, limit, 1, limit);
  }
}
