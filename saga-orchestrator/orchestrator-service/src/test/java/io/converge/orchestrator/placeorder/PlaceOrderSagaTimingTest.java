package io.converge.orchestrator.placeorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.converge.contracts.OrderLine;
import io.converge.contracts.PricedLine;
import io.converge.contracts.RejectionReason;
import io.converge.contracts.customer.CreditReleased;
import io.converge.contracts.customer.CreditReserved;
import io.converge.contracts.customer.ReleaseCredit;
import io.converge.contracts.inventory.ReleaseStock;
import io.converge.contracts.inventory.StockReleased;
import io.converge.contracts.inventory.StockReserved;
import io.converge.contracts.order.OrderCreated;
import io.converge.contracts.order.OrderRejected;
import io.converge.contracts.order.RejectOrder;
import io.converge.contracts.payment.PaymentChannels;
import io.converge.contracts.payment.RequestRiskReview;
import io.converge.contracts.payment.WithdrawReview;
import io.converge.saga.runtime.definition.SagaPolicyProperties;
import io.converge.saga.runtime.state.SagaLifecycle;
import io.converge.saga.runtime.state.SagaState;
import io.converge.saga.testkit.SagaRun;
import io.converge.saga.testkit.SagaTestKit;
import io.converge.saga.testkit.VirtualClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The place-order saga's review deadline, with the runtime's rules on a virtual clock (the test kit). */
class PlaceOrderSagaTimingTest {

  private static final String ORDER = "order-1";
  private static final BigDecimal TOTAL = new BigDecimal("7500.00");
  private static final SagaPolicyProperties POLICIES = SagaTestKit.defaultPolicies();
  private static final PlaceOrderSaga.Review REVIEW =
      new PlaceOrderSaga.Review(new BigDecimal("5000"), Duration.ofHours(24));

  @Test
  void aReviewNotMadeWithinItsDeadlineIsWithdrawnAndTheOrderRejected() {
    SagaRun<PlaceOrderSagaData> run = untilReview();
    RequestRiskReview request = (RequestRiskReview) run.nextSent().command();
    assertThat(request.decideByEpochMillis())
        .isEqualTo(SagaTestKit.EPOCH.plusSeconds(1).plus(REVIEW.deadline()).toEpochMilli());
    // The person's wait is added to the saga's deadline: a day of waiting is not the saga overrunning.
    assertThat(run.deadline()).isEqualTo(SagaTestKit.EPOCH.plus(POLICIES.deadline()).plus(REVIEW.deadline()));

    run.advance(Duration.ofHours(23)).expectNoMoreCommands().expectState(SagaState.RUNNING)
        .advance(Duration.ofHours(1));

    run.expectCommand(new WithdrawReview(ORDER), PaymentChannels.COMMANDS)
        .expectCommand(new ReleaseCredit(ORDER)).reply(new CreditReleased(ORDER))
        .expectCommand(new ReleaseStock(ORDER)).reply(new StockReleased(ORDER))
        .expectCommand(new RejectOrder(ORDER, RejectionReason.REVIEW_DEADLINE_PASSED)).reply(new OrderRejected(ORDER))
        .expectNoMoreCommands()
        .expectState(SagaState.COMPENSATED);
  }

  private static SagaRun<PlaceOrderSagaData> untilReview() {
    VirtualClock clock = new VirtualClock();
    SagaRun<PlaceOrderSagaData> run = SagaTestKit.start(
        new PlaceOrderSaga(2, REVIEW, SagaLifecycle.IGNORED, POLICIES, clock),
        new PlaceOrderSagaData(ORDER, "customer-1", List.of(new OrderLine("ring", 1)), "card"), POLICIES, clock);
    run.nextSent();
    run.advance(Duration.ofSeconds(1)).reply(new OrderCreated(ORDER)).nextSent();
    run.reply(new StockReserved(ORDER, List.of(new PricedLine("ring", 1, TOTAL)), TOTAL)).nextSent();
    run.reply(new CreditReserved(ORDER));
    return run;
  }
}
