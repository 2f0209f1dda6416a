package io.converge.orchestrator.placeorder;

import static io.eventuate.tram.sagas.testing.SagaUnitTestSupport.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.converge.contracts.OrderLine;
import io.converge.contracts.PricedLine;
import io.converge.contracts.RejectionReason;
import io.converge.contracts.customer.CreditLimitExceeded;
import io.converge.contracts.customer.CreditReleased;
import io.converge.contracts.customer.CreditReserved;
import io.converge.contracts.customer.CustomerChannels;
import io.converge.contracts.customer.CustomerNotFound;
import io.converge.contracts.customer.ReleaseCredit;
import io.converge.contracts.customer.ReserveCredit;
import io.converge.contracts.inventory.InventoryChannels;
import io.converge.contracts.inventory.OutOfStock;
import io.converge.contracts.inventory.ReleaseStock;
import io.converge.contracts.inventory.ReserveStock;
import io.converge.contracts.inventory.StockReleased;
import io.converge.contracts.inventory.StockReserved;
import io.converge.contracts.inventory.UnknownProduct;
import io.converge.contracts.order.ApproveOrder;
import io.converge.contracts.order.CreateOrder;
import io.converge.contracts.order.OrderAlreadyRejected;
import io.converge.contracts.order.OrderApproved;
import io.converge.contracts.order.OrderChannels;
import io.converge.contracts.order.OrderCreated;
import io.converge.contracts.order.OrderRejected;
import io.converge.contracts.order.RejectOrder;
import io.converge.contracts.payment.AuthorizePayment;
import io.converge.contracts.payment.PaymentAuthorized;
import io.converge.contracts.payment.PaymentChannels;
import io.converge.contracts.payment.PaymentDeclined;
import io.converge.contracts.payment.PaymentVoided;
import io.converge.contracts.payment.VoidPayment;
import io.converge.contracts.StepTimedOut;
import io.converge.saga.runtime.state.SagaLifecycle;
import io.converge.saga.runtime.definition.SagaPolicyProperties;
import io.converge.saga.runtime.definition.StepKind;
import io.converge.saga.runtime.definition.StepPolicy;
import io.converge.saga.runtime.definition.TimedSaga;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import io.converge.contracts.payment.RequestRiskReview;
import io.converge.contracts.payment.ReviewWithdrawn;
import io.converge.contracts.payment.RiskApproved;
import io.converge.contracts.payment.RiskRejected;
import io.converge.contracts.payment.WithdrawReview;
import io.eventuate.tram.sagas.testing.SagaUnitTestSupport;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per reply path; each asserts the compensations and their reverse order. No Spring, no broker. */
class PlaceOrderSagaTest {

  private static final String ORDER = "order-1";
  private static final String CUSTOMER = "customer-1";
  private static final List<OrderLine> LINES = List.of(new OrderLine("sku-1", 2));
  private static final BigDecimal TOTAL = new BigDecimal("20.00");
  private static final BigDecimal LARGE_TOTAL = new BigDecimal("1200.00");
  private static final PlaceOrderSaga.Review REVIEW =
      new PlaceOrderSaga.Review(new BigDecimal("1000"), Duration.ofHours(24));
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T10:00:00Z"), ZoneOffset.UTC);
  private static final SagaPolicyProperties POLICIES = new SagaPolicyProperties(Duration.ofSeconds(3), 3, 2.0,
      Duration.ofSeconds(30), Duration.ofSeconds(60), 5, 2.0, Duration.ofMillis(200));

  @Test
  void approvesTheOrderWhenEveryStepSucceeds() {
    untilPaymentAuthorization("card")
        .andGiven().successReply(new PaymentAuthorized(ORDER, "payment-1"))
        .expect().command(new ApproveOrder(ORDER, TOTAL)).to(OrderChannels.COMMANDS)
        .andGiven().successReply(new OrderApproved(ORDER))
        .expectCompletedSuccessfully();
  }

  @Test
  void rejectsForAnUnknownProductUndoingOnlyTheOrder() {
    untilStockReservation()
        .andGiven().failureReply(new UnknownProduct(ORDER, List.of("sku-1")))
        .expect().command(new RejectOrder(ORDER, RejectionReason.UNKNOWN_PRODUCT)).to(OrderChannels.COMMANDS)
        .andGiven().successReply(new OrderRejected(ORDER))
        .expectRolledBack()
        .assertSagaData(data -> assertThat(data.getRejectionReason()).isEqualTo(RejectionReason.UNKNOWN_PRODUCT));
  }

  @Test
  void rejectsWhenOutOfStock() {
    untilStockReservation()
        .andGiven().failureReply(new OutOfStock(ORDER, List.of("sku-1")))
        .expect().command(new RejectOrder(ORDER, RejectionReason.OUT_OF_STOCK)).to(OrderChannels.COMMANDS)
        .andGiven().successReply(new OrderRejected(ORDER))
        .expectRolledBack();
  }

  @Test
  void releasesStockThenRejectsForAnUnknownCustomer() {
    untilCreditReservation()
        .andGiven().failureReply(new CustomerNotFound(ORDER, CUSTOMER))
        .expect().command(new ReleaseStock(ORDER)).to(InventoryChannels.COMMANDS)
        .andGiven().successReply(new StockReleased(ORDER))
        .expect().command(new RejectOrder(ORDER, RejectionReason.UNKNOWN_CUSTOMER)).to(OrderChannels.COMMANDS)
        .andGiven().successReply(new OrderRejected(ORDER))
        .expectRolledBack();
  }

  @Test
  void releasesStockThenRejectsWhenTheCreditLimitIsExceeded() {
    untilCreditReservation()
        .andGiven().failureReply(new CreditLimitExceeded(ORDER, TOTAL, BigDecimal.ONE))
        .expect().command(new ReleaseStock(ORDER)).to(InventoryChannels.COMMANDS)
        .andGiven().successReply(new StockReleased(ORDER))
        .expect().command(new RejectOrder(ORDER, RejectionReason.CREDIT_LIMIT_EXCEEDED)).to(OrderChannels.COMMANDS)
        .andGiven().successReply(new OrderRejected(ORDER))
        .expectRolledBack();
  }

  @Test
  void releasesCreditThenStockThenRejectsWhenPaymentIsDeclined() {
    untilPaymentAuthorization("card-declined")
        .andGiven().failureReply(new PaymentDeclined(ORDER, "declined"))
        .expect().command(new ReleaseCredit(ORDER)).to(CustomerChannels.COMMANDS)
        .andGiven().successReply(new CreditReleased(ORDER))
        .expect().command(new ReleaseStock(ORDER)).to(InventoryChannels.COMMANDS)
        .andGiven().successReply(new StockReleased(ORDER))
        .expect().command(new RejectOrder(ORDER, RejectionReason.PAYMENT_DECLINED)).to(OrderChannels.COMMANDS)
        .andGiven().successReply(new OrderRejected(ORDER))
        .expectRolledBack();
  }

  @Test
  void releasesStockThenRejectsWhenTheCreditStepTimesOut() {
    untilCreditReservation()
        .andGiven().failureReply(new StepTimedOut("customer.ReserveCredit", 3))
        .expect().command(new ReleaseStock(ORDER)).to(InventoryChannels.COMMANDS)
        .andGiven().successReply(new StockReleased(ORDER))
        .expect().command(new RejectOrder(ORDER, RejectionReason.STEP_TIMED_OUT)).to(OrderChannels.COMMANDS)
        .andGiven().successReply(new OrderRejected(ORDER))
        .expectRolledBack();
  }

  @Test
  void undoesATimedOutStepItselfBecauseItMayHaveHappened() {
    PlaceOrderSaga saga = saga(PlaceOrderSaga.NEWEST_VERSION);
    assertThat(saga.compensationOfTimedOut("customer.ReserveCredit", "saga-1", ORDER))
        .contains(new TimedSaga.Undo(new ReleaseCredit(ORDER), CustomerChannels.COMMANDS));
    assertThat(saga.compensationOfTimedOut("order.CreateOrder", "saga-1", ORDER))
        .contains(new TimedSaga.Undo(new RejectOrder(ORDER, RejectionReason.STEP_TIMED_OUT), OrderChannels.COMMANDS));
    assertThat(saga.compensationOfTimedOut("order.ApproveOrder", "saga-1", ORDER)).isEmpty();
  }

  @Test
  void everyStepBeforeApprovalIsCompensatableAndApprovalIsThePivot() {
    PlaceOrderSaga saga = saga(PlaceOrderSaga.NEWEST_VERSION);
    for (String step : List.of("order.CreateOrder", "inventory.ReserveStock", "customer.ReserveCredit",
        "payment.AuthorizePayment")) {
      assertThat(saga.policyFor(step)).get().extracting(StepPolicy::kind).isEqualTo(StepKind.COMPENSATABLE);
    }
    assertThat(saga.policyFor("order.ApproveOrder")).get().extracting(StepPolicy::kind).isEqualTo(StepKind.PIVOT);
    assertThat(saga.policyFor("payment.VoidPayment")).as("a compensation is no forward step").isEmpty();
  }

  @Test
  void anOrderThatCannotBeApprovedAnyMoreIsCompensatedWithItsReason() {
    untilPaymentAuthorization("card")
        .andGiven().successReply(new PaymentAuthorized(ORDER, "payment-1"))
        .expect().command(new ApproveOrder(ORDER, TOTAL)).to(OrderChannels.COMMANDS)
        .andGiven().failureReply(new OrderAlreadyRejected(ORDER, RejectionReason.STEP_TIMED_OUT))
        .expect().command(new VoidPayment(ORDER)).to(PaymentChannels.COMMANDS)
        .andGiven().successReply(new PaymentVoided(ORDER))
        .expect().command(new ReleaseCredit(ORDER)).to(CustomerChannels.COMMANDS)
        .andGiven().successReply(new CreditReleased(ORDER))
        .expect().command(new ReleaseStock(ORDER)).to(InventoryChannels.COMMANDS)
        .andGiven().successReply(new StockReleased(ORDER))
        .expect().command(new RejectOrder(ORDER, RejectionReason.STEP_TIMED_OUT)).to(OrderChannels.COMMANDS)
        .andGiven().successReply(new OrderRejected(ORDER))
        .expectRolledBack();
  }

  private static SagaUnitTestSupport<PlaceOrderSagaData> untilStockReservation() {
    return given().saga(saga(PlaceOrderSaga.NEWEST_VERSION), data("card"))
        .expect().command(new CreateOrder(ORDER, CUSTOMER, LINES, "card")).to(OrderChannels.COMMANDS)
        .andGiven().successReply(new OrderCreated(ORDER))
        .expect().command(new ReserveStock(ORDER, LINES)).to(InventoryChannels.COMMANDS);
  }

  private static SagaUnitTestSupport<PlaceOrderSagaData> untilCreditReservation() {
    return untilStockReservation()
        .andGiven().successReply(stockReserved())
        .expect().command(new ReserveCredit(ORDER, CUSTOMER, TOTAL)).to(CustomerChannels.COMMANDS);
  }

  private static SagaUnitTestSupport<PlaceOrderSagaData> untilPaymentAuthorization(String paymentMethod) {
    return given().saga(saga(PlaceOrderSaga.NEWEST_VERSION), data(paymentMethod))
        .expect().command(new CreateOrder(ORDER, CUSTOMER, LINES, paymentMethod)).to(OrderChannels.COMMANDS)
        .andGiven().successReply(new OrderCreated(ORDER))
        .expect().command(new ReserveStock(ORDER, LINES)).to(InventoryChannels.COMMANDS)
        .andGiven().successReply(stockReserved())
        .expect().command(new ReserveCredit(ORDER, CUSTOMER, TOTAL)).to(CustomerChannels.COMMANDS)
        .andGiven().successReply(new CreditReserved(ORDER))
        .expect().command(new AuthorizePayment(ORDER, CUSTOMER, TOTAL, paymentMethod)).to(PaymentChannels.COMMANDS);
  }

  private static PlaceOrderSaga saga(int version) {
    return new PlaceOrderSaga(version, REVIEW, SagaLifecycle.IGNORED, POLICIES, CLOCK);
  }

  @Test
  void aLargeOrderWaitsForARiskReviewAfterItsCreditIsReserved() {
    untilRiskReview()
        .andGiven().successReply(new RiskApproved(ORDER, "rita", "known customer"))
        .expect().command(new AuthorizePayment(ORDER, CUSTOMER, LARGE_TOTAL, "card")).to(PaymentChannels.COMMANDS)
        .andGiven().successReply(new PaymentAuthorized(ORDER, "payment-1"))
        .expect().command(new ApproveOrder(ORDER, LARGE_TOTAL)).to(OrderChannels.COMMANDS)
        .andGiven().successReply(new OrderApproved(ORDER))
        .expectCompletedSuccessfully();
  }

  @Test
  void aRejectedReviewReleasesCreditAndStockAndRejectsTheOrder() {
    untilRiskReview()
        .andGiven().failureReply(new RiskRejected(ORDER, "rita", "stolen card pattern"))
        .expect().command(new ReleaseCredit(ORDER)).to(CustomerChannels.COMMANDS)
        .andGiven().successReply(new CreditReleased(ORDER))
        .expect().command(new ReleaseStock(ORDER)).to(InventoryChannels.COMMANDS)
        .andGiven().successReply(new StockReleased(ORDER))
        .expect().command(new RejectOrder(ORDER, RejectionReason.RISK_REJECTED)).to(OrderChannels.COMMANDS)
        .andGiven().successReply(new OrderRejected(ORDER))
        .expectRolledBack();
  }

  @Test
  void aReviewPastItsDeadlineRejectsTheOrderWithThatReason() {
    untilRiskReview()
        .andGiven().failureReply(new StepTimedOut("payment.RequestRiskReview", 1))
        .expect().command(new ReleaseCredit(ORDER)).to(CustomerChannels.COMMANDS)
        .andGiven().successReply(new CreditReleased(ORDER))
        .expect().command(new ReleaseStock(ORDER)).to(InventoryChannels.COMMANDS)
        .andGiven().successReply(new StockReleased(ORDER))
        .expect().command(new RejectOrder(ORDER, RejectionReason.REVIEW_DEADLINE_PASSED)).to(OrderChannels.COMMANDS)
        .andGiven().successReply(new OrderRejected(ORDER))
        .expectRolledBack();
  }

  @Test
  void aPaymentDeclinedAfterAnApprovedReviewWithdrawsTheReviewToo() {
    untilRiskReview()
        .andGiven().successReply(new RiskApproved(ORDER, "rita", "ok"))
        .expect().command(new AuthorizePayment(ORDER, CUSTOMER, LARGE_TOTAL, "card")).to(PaymentChannels.COMMANDS)
        .andGiven().failureReply(new PaymentDeclined(ORDER, "declined"))
        .expect().command(new WithdrawReview(ORDER)).to(PaymentChannels.COMMANDS)
        .andGiven().successReply(new ReviewWithdrawn(ORDER))
        .expect().command(new ReleaseCredit(ORDER)).to(CustomerChannels.COMMANDS);
  }

  @Test
  void theFirstVersionNeverWaitsForAReview() {
    given().saga(saga(1), data("card"))
        .expect().command(new CreateOrder(ORDER, CUSTOMER, LINES, "card")).to(OrderChannels.COMMANDS)
        .andGiven().successReply(new OrderCreated(ORDER))
        .expect().command(new ReserveStock(ORDER, LINES)).to(InventoryChannels.COMMANDS)
        .andGiven().successReply(largeStockReserved())
        .expect().command(new ReserveCredit(ORDER, CUSTOMER, LARGE_TOTAL)).to(CustomerChannels.COMMANDS)
        .andGiven().successReply(new CreditReserved(ORDER))
        .expect().command(new AuthorizePayment(ORDER, CUSTOMER, LARGE_TOTAL, "card")).to(PaymentChannels.COMMANDS);
    assertThat(saga(1).getSagaType()).isEqualTo("converge.PlaceOrderSaga");
    assertThat(saga(2).getSagaType()).isEqualTo("converge.PlaceOrderSaga.v2");
    assertThat(saga(1).policyFor("payment.RequestRiskReview")).isEmpty();
    assertThat(saga(2).policyFor("payment.RequestRiskReview"))
        .contains(StepPolicy.awaitingPerson(REVIEW.deadline()));
  }

  private static SagaUnitTestSupport<PlaceOrderSagaData> untilRiskReview() {
    return given().saga(saga(2), data("card"))
        .expect().command(new CreateOrder(ORDER, CUSTOMER, LINES, "card")).to(OrderChannels.COMMANDS)
        .andGiven().successReply(new OrderCreated(ORDER))
        .expect().command(new ReserveStock(ORDER, LINES)).to(InventoryChannels.COMMANDS)
        .andGiven().successReply(largeStockReserved())
        .expect().command(new ReserveCredit(ORDER, CUSTOMER, LARGE_TOTAL)).to(CustomerChannels.COMMANDS)
        .andGiven().successReply(new CreditReserved(ORDER))
        .expect().command(new RequestRiskReview(ORDER, CUSTOMER, LARGE_TOTAL,
            CLOCK.instant().plus(REVIEW.deadline()).toEpochMilli())).to(PaymentChannels.COMMANDS);
  }

  private static StockReserved largeStockReserved() {
    return new StockReserved(ORDER, List.of(new PricedLine("sku-1", 2, new BigDecimal("600.00"))), LARGE_TOTAL);
  }

  private static StockReserved stockReserved() {
    return new StockReserved(ORDER, List.of(new PricedLine("sku-1", 2, new BigDecimal("10.00"))), TOTAL);
  }

  private static PlaceOrderSagaData data(String paymentMethod) {
    return new PlaceOrderSagaData(ORDER, CUSTOMER, LINES, paymentMethod);
  }
}
