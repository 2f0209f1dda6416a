package io.converge.orchestrator.placeorder;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdmissionTest {

  @Test
  void refusesSagasBeyondTheRateWithoutWaiting() {
    Admission admission = new Admission(new AdmissionProperties(2));
    admission.admit();
    admission.admit();
    assertThatThrownBy(admission::admit).isInstanceOf(Admission.OverloadedException.class);
  }

  @Test
  void zeroMeansNoLimit() {
    Admission admission = new Admission(new AdmissionProperties(0));
    assertThatCode(() -> {
      for (int i = 0; i < 10_000; i++) {
        admission.admit();
      }
    }).doesNotThrowAnyException();
  }
}
