package io.converge.saga.runtime.timers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyDecisionTest {

  @Test
  void aSuccessAlwaysReachesTheSaga() {
    assertThat(new ReplyDecision(false, true, false).action()).isEqualTo(ReplyDecision.Action.DELIVER);
    assertThat(new ReplyDecision(false, false, true).action()).isEqualTo(ReplyDecision.Action.DELIVER);
  }

  @Test
  void aFailedCompensationIsRetriedNeverDelivered() {
    assertThat(new ReplyDecision(true, true, false).action()).isEqualTo(ReplyDecision.Action.RETRY_COMPENSATION);
  }

  @Test
  void aFailedRetriableStepIsRetriedAndAFailedCompensatableOrPivotStepCompensates() {
    assertThat(new ReplyDecision(true, false, true).action()).isEqualTo(ReplyDecision.Action.RETRY_STEP);
    assertThat(new ReplyDecision(true, false, false).action()).isEqualTo(ReplyDecision.Action.DELIVER);
  }
}
