package io.converge.orchestrator.placeorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.converge.orchestrator.participants.OrderHistoryReads.Facts;
import io.converge.orchestrator.participants.ParticipantReads.Observed;
import org.junit.jupiter.api.Test;

class OrderHistoryDriftTest {

  private static final Observed APPROVED = new Observed("APPROVED", "RESERVED", "RESERVED", "AUTHORIZED");

  @Test
  void agreesWhenTheHistoryTellsWhatTheServicesHold() {
    assertThat(OrderHistoryDrift.agrees(APPROVED, new Facts("o", 2, "APPROVED", "RESERVED", "RESERVED",
        "AUTHORIZED"))).isTrue();
  }

  @Test
  void aServiceHoldingNothingAgreesWithAHistoryThatHeardOfNothing() {
    // A release that came before any reservation leaves a RELEASED row and publishes no credit event.
    Observed rejected = new Observed("REJECTED", "REJECTED", "RELEASED", "NONE");

    assertThat(OrderHistoryDrift.agrees(rejected, new Facts("o", 1, "REJECTED", "REJECTED", null, null))).isTrue();
  }

  @Test
  void disagreesOnWhatIsHeldOrOnTheOrdersStateOrWhenTheOrderIsMissing() {
    assertThat(OrderHistoryDrift.agrees(APPROVED, new Facts("o", 2, "APPROVED", "RESERVED", "RELEASED",
        "AUTHORIZED"))).isFalse();
    assertThat(OrderHistoryDrift.agrees(APPROVED, new Facts("o", 1, "PENDING", "RESERVED", "RESERVED",
        "AUTHORIZED"))).isFalse();
    assertThat(OrderHistoryDrift.agrees(APPROVED, null)).isFalse();
  }
}
