package io.converge.orchestrator.placeorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.converge.orchestrator.participants.OrderHistoryReads.Facts;
import io.converge.orchestrator.participants.ParticipantReads.Observed;
import io.converge.saga.runtime.reconciliation.EndedSaga;
import io.converge.saga.runtime.state.SagaState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderHistoryDriftTest {

  private static final BigDecimal TOTAL = new BigDecimal("24.00");
  private static final Observed APPROVED = new Observed("APPROVED", "RESERVED", "RESERVED", "AUTHORIZED", "NONE",
      TOTAL, TOTAL);
  private static final EndedSaga COMPLETED = saga(SagaState.COMPLETED);

  @Test
  void agreesWhenTheHistoryTellsWhatTheServicesHoldAndHowTheSagaEnded() {
    assertThat(OrderHistoryDrift.agrees(COMPLETED, APPROVED, approved("RESERVED", "24.0", "COMPLETED"))).isTrue();
  }

  @Test
  void aSagaParkedSinceItWasReadOrOneTheHistoryNeverHeardOfIsNotADifference() {
    assertThat(OrderHistoryDrift.agrees(COMPLETED, APPROVED, approved("RESERVED", "24.00", "NEEDS_ATTENTION")))
        .isTrue();
    assertThat(OrderHistoryDrift.agrees(COMPLETED, APPROVED, new Facts("o", 2, "APPROVED", "RESERVED", "RESERVED",
        TOTAL, "AUTHORIZED", TOTAL, Map.of()))).isTrue();
  }

  @Test
  void aServiceHoldingNothingAgreesWithAHistoryThatHeardOfNothing() {
    // A release that came before any reservation leaves a RELEASED row and publishes no credit event.
    Observed rejected = new Observed("REJECTED", "REJECTED", "RELEASED", "NONE", "NONE", TOTAL, null);
    EndedSaga compensated = saga(SagaState.COMPENSATED);

    assertThat(OrderHistoryDrift.agrees(compensated, rejected, new Facts("o", 1, "REJECTED", "REJECTED", null, null,
        null, null, Map.of("s", "COMPENSATED")))).isTrue();
  }

  @Test
  void disagreesOnWhatIsHeldOnTheOrdersStateOnAnAmountOnTheSagaOrWhenTheOrderIsMissing() {
    assertThat(OrderHistoryDrift.agrees(COMPLETED, APPROVED, approved("RELEASED", "24.00", "COMPLETED"))).isFalse();
    assertThat(OrderHistoryDrift.agrees(COMPLETED, APPROVED, new Facts("o", 1, "PENDING", "RESERVED", "RESERVED",
        TOTAL, "AUTHORIZED", TOTAL, Map.of("s", "COMPLETED")))).isFalse();
    assertThat(OrderHistoryDrift.agrees(COMPLETED, APPROVED, approved("RESERVED", "25.00", "COMPLETED"))).isFalse();
    assertThat(OrderHistoryDrift.agrees(COMPLETED, APPROVED, approved("RESERVED", "24.00", "RUNNING"))).isFalse();
    assertThat(OrderHistoryDrift.agrees(COMPLETED, APPROVED, null)).isFalse();
  }

  private static Facts approved(String credit, String creditAmount, String sagaState) {
    return new Facts("o", 2, "APPROVED", "RESERVED", credit, new BigDecimal(creditAmount), "AUTHORIZED", TOTAL,
        Map.of("s", sagaState));
  }

  private static EndedSaga saga(SagaState state) {
    return new EndedSaga("s", "place-order", 2, "o", state, "APPROVED", Instant.EPOCH);
  }
}
