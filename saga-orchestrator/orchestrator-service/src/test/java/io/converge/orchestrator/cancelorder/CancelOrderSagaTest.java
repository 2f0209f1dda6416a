package io.converge.orchestrator.cancelorder;

import static io.eventuate.tram.sagas.testing.SagaUnitTestSupport.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.converge.contracts.customer.CreditReleased;
import io.converge.contracts.customer.CustomerChannels;
import io.converge.contracts.customer.ReleaseCredit;
import io.converge.contracts.inventory.InventoryChannels;
import io.converge.contracts.inventory.ReleaseStock;
import io.converge.contracts.inventory.StockReleased;
import io.converge.contracts.order.BeginCancellation;
import io.converge.contracts.order.CancellationBegun;
import io.converge.contracts.order.ConfirmCancellation;
import io.converge.contracts.order.OrderCancelled;
import io.converge.contracts.order.OrderChannels;
import io.converge.contracts.order.OrderNotCancellable;
import io.converge.contracts.order.UndoCancellation;
import io.converge.contracts.payment.PaymentChannels;
import io.converge.contracts.payment.PaymentVoided;
import io.converge.contracts.payment.VoidPayment;
import io.converge.saga.runtime.definition.SagaPolicyProperties;
import io.converge.saga.runtime.definition.StepKind;
import io.converge.saga.runtime.definition.StepPolicy;
import io.converge.saga.runtime.definition.TimedSaga;
import io.converge.saga.runtime.state.SagaLifecycle;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cancel-order saga, one test per reply path; no Spring, no broker. */
class CancelOrderSagaTest {

  private static final String ORDER = "order-1";
  private static final String CANCELLATION = "saga-1";
  private static final SagaPolicyProperties POLICIES = new SagaPolicyProperties(Duration.ofSeconds(3), 3, 2.0,
      Duration.ofSeconds(30), Duration.ofSeconds(60), 5, 2.0, Duration.ofMillis(200));

  @Test
  void locksTheOrderVoidsThePaymentReleasesCreditAndStockThenConfirms() {
    given().saga(saga(), data())
        .expect().command(new BeginCancellation(ORDER, CANCELLATION)).to(OrderChannels.COMMANDS)
        .andGiven().successReply(new CancellationBegun(ORDER))
        .expect().command(new VoidPayment(ORDER)).to(PaymentChannels.COMMANDS)
        .andGiven().successReply(new PaymentVoided(ORDER))
        .expect().command(new ReleaseCredit(ORDER)).to(CustomerChannels.COMMANDS)
        .andGiven().successReply(new CreditReleased(ORDER))
        .expect().command(new ReleaseStock(ORDER)).to(InventoryChannels.COMMANDS)
        .andGiven().successReply(new StockReleased(ORDER))
        .expect().command(new ConfirmCancellation(ORDER, CANCELLATION)).to(OrderChannels.COMMANDS)
        .andGiven().successReply(new OrderCancelled(ORDER))
        .expectCompletedSuccessfully();
  }

  @Test
  void anOrderThatCannotBeCancelledEndsTheSagaWithItsReasonAndNothingGivenBack() {
    given().saga(saga(), data())
        .expect().command(new BeginCancellation(ORDER, CANCELLATION)).to(OrderChannels.COMMANDS)
        .andGiven().failureReply(new OrderNotCancellable(ORDER, "REJECTED"))
        .expectRolledBack()
        .assertSagaData(data -> assertThat(data.getNotCancelledBecause()).isEqualTo("ORDER_REJECTED"));
  }

  @Test
  void onlyTheLockIsCompensatableVoidingThePaymentIsThePivotAndTheRestIsRetriable() {
    CancelOrderSaga saga = saga();
    assertThat(saga.policyFor("order.BeginCancellation")).get().extracting(StepPolicy::kind)
        .isEqualTo(StepKind.COMPENSATABLE);
    assertThat(saga.policyFor("payment.VoidPayment")).get().extracting(StepPolicy::kind).isEqualTo(StepKind.PIVOT);
    for (String step : List.of("customer.ReleaseCredit", "inventory.ReleaseStock", "order.ConfirmCancellation")) {
      assertThat(saga.policyFor(step)).get().extracting(StepPolicy::kind).isEqualTo(StepKind.RETRIABLE);
    }
    assertThat(saga.compensationOfTimedOut("order.BeginCancellation", CANCELLATION, ORDER))
        .contains(new TimedSaga.Undo(new UndoCancellation(ORDER, CANCELLATION), OrderChannels.COMMANDS));
    assertThat(saga.compensationOfTimedOut("payment.VoidPayment", CANCELLATION, ORDER)).isEmpty();
  }

  /** The data as the saga has it once started: the cancellation named after its saga. */
  private static CancelOrderSagaData data() {
    CancelOrderSagaData data = new CancelOrderSagaData(ORDER);
    data.identifiedAs(CANCELLATION);
    return data;
  }

  private static CancelOrderSaga saga() {
    return new CancelOrderSaga(SagaLifecycle.IGNORED, POLICIES);
  }
}
