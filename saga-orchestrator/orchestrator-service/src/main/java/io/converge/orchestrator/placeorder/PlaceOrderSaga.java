package io.converge.orchestrator.placeorder;

import io.converge.contracts.MessageCatalog;
import io.converge.contracts.RejectionReason;
import io.converge.contracts.StepTimedOut;
import io.converge.contracts.customer.CreditLimitExceeded;
import io.converge.contracts.customer.CustomerChannels;
import io.converge.contracts.customer.CustomerNotFound;
import io.converge.contracts.customer.ReleaseCredit;
import io.converge.contracts.customer.ReserveCredit;
import io.converge.contracts.inventory.InventoryChannels;
import io.converge.contracts.inventory.OutOfStock;
import io.converge.contracts.inventory.ReleaseStock;
import io.converge.contracts.inventory.ReserveStock;
import io.converge.contracts.inventory.StockReserved;
import io.converge.contracts.inventory.UnknownProduct;
import io.converge.contracts.order.ApproveOrder;
import io.converge.contracts.order.CreateOrder;
import io.converge.contracts.order.OrderChannels;
import io.converge.contracts.order.OrderAlreadyRejected;
import io.converge.contracts.order.RejectOrder;
import io.converge.contracts.payment.AuthorizePayment;
import io.converge.contracts.payment.PaymentChannels;
import io.converge.contracts.payment.PaymentDeclined;
import io.converge.contracts.payment.VoidPayment;
import io.converge.contracts.payment.RequestRiskReview;
import io.converge.contracts.payment.RiskRejected;
import io.converge.contracts.payment.WithdrawReview;
import io.eventuate.tram.sagas.simpledsl.InvokeParticipantStepBuilder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Clock;
import io.converge.contracts.customer.CustomerServiceProxy;
import io.converge.contracts.inventory.InventoryServiceProxy;
import io.converge.contracts.order.OrderServiceProxy;
import io.converge.contracts.payment.PaymentServiceProxy;
import io.converge.saga.runtime.state.SagaLifecycle;
import io.converge.saga.runtime.definition.DeclaredSaga;
import io.converge.saga.runtime.definition.SagaPolicyProperties;
import java.util.Map;
import java.util.Optional;
import io.eventuate.tram.sagas.orchestration.SagaDefinition;

/**
 * Places an order across four services: create it PENDING, reserve stock (which prices it), reserve credit, have a
 * person review the risk of a large order (version 2), authorize payment, approve. A failure reply at any step
 * compensates the completed steps in reverse order and the order ends REJECTED with the reason.
 *
 * <p>The steps before approval are compensatable. Approving the order is the pivot: once order-service approved it
 * nothing is undone, so it is never compensated because of a timeout or the deadline; it is asked again until it
 * answers. Its only failure ({@link OrderAlreadyRejected}) means the order can never be approved, and the saga
 * compensates.
 *
 * <p>Versions: 1 is the saga without the review; 2 adds it. Both are registered, so orders started on 1 end on 1.
 */
public class PlaceOrderSaga extends DeclaredSaga<PlaceOrderSagaData> {

  /** The saga type on the wire and in the database. */
  public static final String TYPE = "converge.PlaceOrderSaga";
  /** The newest version of the definition. */
  public static final int NEWEST_VERSION = 2;

  /**
   * When a person reviews an order's risk.
   *
   * @param above    orders whose total is above this are reviewed
   * @param deadline how long the person has; past it the order is rejected
   */
  public record Review(BigDecimal above, Duration deadline) {
  }

  private final OrderServiceProxy orderService = new OrderServiceProxy();
  private final InventoryServiceProxy inventoryService = new InventoryServiceProxy();
  private final CustomerServiceProxy customerService = new CustomerServiceProxy();
  private final PaymentServiceProxy paymentService = new PaymentServiceProxy();

  private final Review review;
  private final Clock clock;
  private final SagaDefinition<PlaceOrderSagaData> definition;

  public PlaceOrderSaga(int version, Review review, SagaLifecycle lifecycle, SagaPolicyProperties policies,
                        Clock clock) {
    super(TYPE, version, lifecycle, policies, steps -> version == 1
        ? steps.compensatable(CreateOrder.class).compensatable(ReserveStock.class).compensatable(ReserveCredit.class)
            .compensatable(AuthorizePayment.class).pivot(ApproveOrder.class)
        : steps.compensatable(CreateOrder.class).compensatable(ReserveStock.class).compensatable(ReserveCredit.class)
            .awaitingPerson(RequestRiskReview.class, review.deadline())
            .compensatable(AuthorizePayment.class).pivot(ApproveOrder.class));
    if (version < 1 || version > NEWEST_VERSION) {
      throw new IllegalArgumentException("The place-order saga has versions 1 to " + NEWEST_VERSION + ": " + version);
    }
    this.review = review;
    this.clock = clock;
    this.definition = define(version >= 2);
  }

  /** Each version's steps exactly: an instance's position is an index into them. */
  private SagaDefinition<PlaceOrderSagaData> define(boolean withReview) {
    InvokeParticipantStepBuilder<PlaceOrderSagaData> upToCredit =
        step()
            .invokeParticipant(orderService.createOrder, this::createOrder)
            .onReply(StepTimedOut.class, this::timedOut)
            .withCompensation(orderService.rejectOrder, this::rejectOrder)
        .step()
            .invokeParticipant(inventoryService.reserveStock, this::reserveStock)
            .onReply(StockReserved.class, (data, reply) -> data.priced(reply.total(), needsReview(reply.total())))
            .onReply(UnknownProduct.class, (data, reply) -> data.rejectedBecause(RejectionReason.UNKNOWN_PRODUCT))
            .onReply(OutOfStock.class, (data, reply) -> data.rejectedBecause(RejectionReason.OUT_OF_STOCK))
            .onReply(StepTimedOut.class, this::timedOut)
            .withCompensation(inventoryService.releaseStock, data -> new ReleaseStock(data.getOrderId()))
        .step()
            .invokeParticipant(customerService.reserveCredit, this::reserveCredit)
            .onReply(CustomerNotFound.class, (data, reply) -> data.rejectedBecause(RejectionReason.UNKNOWN_CUSTOMER))
            .onReply(CreditLimitExceeded.class,
                (data, reply) -> data.rejectedBecause(RejectionReason.CREDIT_LIMIT_EXCEEDED))
            .onReply(StepTimedOut.class, this::timedOut)
            .withCompensation(customerService.releaseCredit, data -> new ReleaseCredit(data.getOrderId()));
    InvokeParticipantStepBuilder<PlaceOrderSagaData> reviewed = !withReview ? upToCredit
        : upToCredit.step()
            .invokeParticipant(PlaceOrderSagaData::isReviewRequired, paymentService.requestRiskReview,
                this::requestRiskReview)
            .onReply(RiskRejected.class, (data, reply) -> data.rejectedBecause(RejectionReason.RISK_REJECTED))
            .onReply(StepTimedOut.class,
                (data, reply) -> data.rejectedBecause(RejectionReason.REVIEW_DEADLINE_PASSED))
            .withCompensation(PlaceOrderSagaData::isReviewRequired, paymentService.withdrawReview,
                data -> new WithdrawReview(data.getOrderId()));
    return reviewed
        .step()
            .invokeParticipant(paymentService.authorizePayment, this::authorizePayment)
            .onReply(PaymentDeclined.class, (data, reply) -> data.rejectedBecause(RejectionReason.PAYMENT_DECLINED))
            .onReply(StepTimedOut.class, this::timedOut)
            .withCompensation(paymentService.voidPayment, data -> new VoidPayment(data.getOrderId()))
        .step()
            .invokeParticipant(orderService.approveOrder, this::approveOrder)
            .onReply(OrderAlreadyRejected.class, (data, reply) -> data.rejectedBecause(
                reply.reason() == null ? RejectionReason.PARTICIPANT_FAILED : reply.reason()))
        .build();
  }

  private boolean needsReview(BigDecimal total) {
    return version() >= 2 && total != null && total.compareTo(review.above()) > 0;
  }

  @Override
  public Optional<Undo> compensationOfTimedOut(String commandType, String sagaId, String orderId) {
    Map<String, Undo> undo = Map.of(
        MessageCatalog.wireNameOf(CreateOrder.class),
        new Undo(new RejectOrder(orderId, RejectionReason.STEP_TIMED_OUT), OrderChannels.COMMANDS),
        MessageCatalog.wireNameOf(ReserveStock.class), new Undo(new ReleaseStock(orderId), InventoryChannels.COMMANDS),
        MessageCatalog.wireNameOf(ReserveCredit.class), new Undo(new ReleaseCredit(orderId), CustomerChannels.COMMANDS),
        MessageCatalog.wireNameOf(RequestRiskReview.class),
        new Undo(new WithdrawReview(orderId), PaymentChannels.COMMANDS),
        MessageCatalog.wireNameOf(AuthorizePayment.class),
        new Undo(new VoidPayment(orderId), PaymentChannels.COMMANDS));
    return Optional.ofNullable(undo.get(commandType));
  }

  private void timedOut(PlaceOrderSagaData data, StepTimedOut reply) {
    data.rejectedBecause(RejectionReason.STEP_TIMED_OUT);
  }

  @Override
  public SagaDefinition<PlaceOrderSagaData> getSagaDefinition() {
    return definition;
  }

  private CreateOrder createOrder(PlaceOrderSagaData data) {
    return new CreateOrder(data.getOrderId(), data.getCustomerId(), data.getLines(), data.getPaymentMethod());
  }

  private RejectOrder rejectOrder(PlaceOrderSagaData data) {
    return new RejectOrder(data.getOrderId(), reasonOf(data));
  }

  /** Every rejection has a reason: a failure the saga maps to none (a handler's generic failure) still gets one. */
  private static RejectionReason reasonOf(PlaceOrderSagaData data) {
    return data.getRejectionReason() == null ? RejectionReason.PARTICIPANT_FAILED : data.getRejectionReason();
  }

  private ReserveStock reserveStock(PlaceOrderSagaData data) {
    return new ReserveStock(data.getOrderId(), data.getLines());
  }

  private ReserveCredit reserveCredit(PlaceOrderSagaData data) {
    return new ReserveCredit(data.getOrderId(), data.getCustomerId(), data.getTotal());
  }

  private AuthorizePayment authorizePayment(PlaceOrderSagaData data) {
    return new AuthorizePayment(data.getOrderId(), data.getCustomerId(), data.getTotal(), data.getPaymentMethod());
  }

  /** The person's deadline travels with the request, so that payment-service refuses a decision made too late. */
  private RequestRiskReview requestRiskReview(PlaceOrderSagaData data) {
    return new RequestRiskReview(data.getOrderId(), data.getCustomerId(), data.getTotal(),
        clock.instant().plus(review.deadline()).toEpochMilli());
  }

  private ApproveOrder approveOrder(PlaceOrderSagaData data) {
    return new ApproveOrder(data.getOrderId(), data.getTotal());
  }

  @Override
  protected String businessKeyOf(PlaceOrderSagaData data) {
    return data.getOrderId();
  }

  @Override
  protected String completedBecause(PlaceOrderSagaData data) {
    return "ORDER_APPROVED";
  }

  @Override
  protected String compensatedBecause(PlaceOrderSagaData data) {
    return reasonOf(data).name();
  }
}
