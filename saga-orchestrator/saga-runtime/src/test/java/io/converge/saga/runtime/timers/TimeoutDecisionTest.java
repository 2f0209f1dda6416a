package io.converge.saga.runtime.timers;

import static org.assertj.core.api.Assertions.assertThat;

import io.converge.saga.runtime.definition.StepKind;
import io.converge.saga.runtime.timers.TimeoutDecision.Action;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What a step's timer does, per step kind: the rules a timeout must respect (docs/consistency.md). */
class TimeoutDecisionTest {

  private static final int MAX = 3;

  @Nested
  class ACompensatableStep {

    @Test
    void isSentAgainWhileAttemptsRemain() {
      assertThat(forward(StepKind.COMPENSATABLE, 1, false, false)).isEqualTo(Action.RESEND);
      assertThat(forward(StepKind.COMPENSATABLE, MAX - 1, false, false)).isEqualTo(Action.RESEND);
    }

    @Test
    void isUndoneAndCompensatedAfterItsLastAttempt() {
      assertThat(forward(StepKind.COMPENSATABLE, MAX, false, false)).isEqualTo(Action.GIVE_UP);
    }

    @Test
    void isUndoneAndCompensatedPastTheDeadlineEvenWithAttemptsLeftOrBehindABacklog() {
      assertThat(forward(StepKind.COMPENSATABLE, 1, true, false)).isEqualTo(Action.GIVE_UP);
      assertThat(forward(StepKind.COMPENSATABLE, 1, true, true)).isEqualTo(Action.GIVE_UP);
    }

    @Test
    void waitsWithoutSpendingAnAttemptWhileItsCommandIsStillQueued() {
      assertThat(forward(StepKind.COMPENSATABLE, MAX, false, true)).isEqualTo(Action.WAIT_LONGER);
    }
  }

  @Nested
  class APivotOrRetriableStep {

    @ParameterizedTest
    @EnumSource(value = StepKind.class, names = {"PIVOT", "RETRIABLE"})
    void isSentAgainAfterEveryTimeoutAndNeverCompensated(StepKind kind) {
      for (int attempt = 1; attempt < 50; attempt++) {
        assertThat(forward(kind, attempt, false, false)).isEqualTo(Action.RESEND);
      }
    }

    @ParameterizedTest
    @EnumSource(value = StepKind.class, names = {"PIVOT", "RETRIABLE"})
    void isSentAgainPastTheDeadlineNeverUndone(StepKind kind) {
      assertThat(forward(kind, 1, true, false)).isEqualTo(Action.RESEND);
      assertThat(forward(kind, 1_000, true, false)).isEqualTo(Action.RESEND);
    }

    @ParameterizedTest
    @EnumSource(value = StepKind.class, names = {"PIVOT", "RETRIABLE"})
    void waitsWhileItsCommandIsStillQueued(StepKind kind) {
      assertThat(forward(kind, 1, true, true)).isEqualTo(Action.WAIT_LONGER);
    }

    @Test
    void onlyACompensatableStepIsEverUndoneOnATimeout() {
      assertThat(StepKind.COMPENSATABLE.undoneOnTimeout()).isTrue();
      assertThat(StepKind.PIVOT.undoneOnTimeout()).isFalse();
      assertThat(StepKind.RETRIABLE.undoneOnTimeout()).isFalse();
    }
  }

  @Nested
  class ACompensation {

    @Test
    void isSentAgainThenParkedForAPersonAfterItsAttempts() {
      assertThat(compensation(1, false)).isEqualTo(Action.RESEND);
      assertThat(compensation(MAX, false)).isEqualTo(Action.PARK);
    }

    @Test
    void waitsWhileStillQueued() {
      assertThat(compensation(MAX, true)).isEqualTo(Action.WAIT_LONGER);
    }
  }

  private static Action forward(StepKind kind, int attempt, boolean pastDeadline, boolean stillQueued) {
    return new TimeoutDecision(kind, false, attempt, kind == StepKind.COMPENSATABLE ? MAX : Integer.MAX_VALUE,
        pastDeadline, stillQueued).action();
  }

  private static Action compensation(int attempt, boolean stillQueued) {
    return new TimeoutDecision(StepKind.COMPENSATABLE, true, attempt, MAX, false, stillQueued).action();
  }
}
