package io.converge.orchestrator.placeorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.converge.contracts.RejectionReason;
import io.converge.contracts.inventory.ReleaseStock;
import io.converge.contracts.order.RejectOrder;
import io.converge.contracts.payment.VoidPayment;
import io.converge.contracts.payment.WithdrawReview;
import io.converge.saga.runtime.state.SagaState;
import io.converge.orchestrator.participants.ParticipantReads.Observed;
import io.converge.saga.runtime.reconciliation.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the reconciler finds for one ended place-order saga, and what it may do about it. */
class PlaceOrderInvariantsTest {

  private static final String SAGA = "saga-1";
  private static final String ORDER = "order-1";

  @Test
  void aCompletedSagaWhoseParticipantsAllHoldTheirPartIsConsistent() {
    assertThat(check(SagaState.COMPLETED, null, new Observed("APPROVED", "RESERVED", "RESERVED", "AUTHORIZED")))
        .isEmpty();
  }

  @Test
  void aCompensatedSagaWithNothingHeldIsConsistent() {
    assertThat(check(SagaState.COMPENSATED, "PAYMENT_DECLINED", new Observed("REJECTED", "RELEASED", "NONE",
        "DECLINED"))).isEmpty();
  }

  @Test
  void whatACompensatedSagaLeftHeldIsReleasedAgain() {
    List<Finding> findings = check(SagaState.COMPENSATED, "STEP_TIMED_OUT",
        new Observed("PENDING", "RESERVED", "RELEASED", "AUTHORIZED"));

    assertThat(findings).extracting(Finding::repair).containsExactlyInAnyOrder(
        new RejectOrder(ORDER, RejectionReason.STEP_TIMED_OUT), new ReleaseStock(ORDER), new VoidPayment(ORDER));
  }

  @Test
  void anApprovedOrderUnderACompensatedSagaParksItAndRepairsNothingElse() {
    List<Finding> findings = check(SagaState.COMPENSATED, "STEP_TIMED_OUT",
        new Observed("APPROVED", "RELEASED", "RESERVED", "VOIDED"));

    assertThat(findings).isNotEmpty().allMatch(finding -> !finding.repairable());
    assertThat(findings).extracting(Finding::invariant).contains("ORDER_STATE", "CREDIT_RESERVATION");
  }

  @Test
  void somethingMissingUnderACompletedSagaParksIt() {
    List<Finding> findings = check(SagaState.COMPLETED, "ORDER_APPROVED",
        new Observed("APPROVED", "RESERVED", "RELEASED", "AUTHORIZED"));

    assertThat(findings).singleElement().satisfies(finding -> {
      assertThat(finding.invariant()).isEqualTo("CREDIT_RESERVATION");
      assertThat(finding.repairable()).isFalse();
    });
  }

  @Test
  void aReviewLeftOpenUnderACompensatedSagaIsWithdrawnAndOneNotApprovedUnderACompletedSagaIsParked() {
    assertThat(check(SagaState.COMPENSATED, "PAYMENT_DECLINED",
        new Observed("REJECTED", "RELEASED", "RELEASED", "DECLINED", "APPROVED")))
        .extracting(Finding::repair).containsExactly(new WithdrawReview(ORDER));
    assertThat(check(SagaState.COMPENSATED, "RISK_REJECTED",
        new Observed("REJECTED", "RELEASED", "RELEASED", "NONE", "REJECTED"))).isEmpty();
    assertThat(check(SagaState.COMPLETED, "ORDER_APPROVED",
        new Observed("APPROVED", "RESERVED", "RESERVED", "AUTHORIZED", "APPROVED"))).isEmpty();
    assertThat(check(SagaState.COMPLETED, "ORDER_APPROVED",
        new Observed("APPROVED", "RESERVED", "RESERVED", "AUTHORIZED", "WITHDRAWN")))
        .singleElement().satisfies(finding -> {
          assertThat(finding.repairable()).isFalse();
          assertThat(finding.invariant()).isEqualTo("RISK_REVIEW");
        });
  }

  @Test
  void anOrderCancelledSinceIsTheCancellationsToJudge() {
    assertThat(check(SagaState.COMPLETED, "ORDER_APPROVED", new Observed("CANCELLED", "RELEASED", "RELEASED",
        "VOIDED"))).isEmpty();
  }

  @Test
  void sagasStillRunningOrAlreadyParkedAreNotJudged() {
    Observed anything = new Observed("PENDING", "RESERVED", "NONE", "NONE");
    assertThat(check(SagaState.RUNNING, null, anything)).isEmpty();
    assertThat(check(SagaState.NEEDS_ATTENTION, null, anything)).isEmpty();
  }

  private static List<Finding> check(SagaState state, String reason, Observed held) {
    return PlaceOrderInvariants.findings(SAGA, ORDER, state, reason, held);
  }
}
