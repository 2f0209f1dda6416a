package io.converge.orchestrator.placeorder;

import io.converge.contracts.RejectionReason;
import io.converge.contracts.customer.CreditLimitExceeded;
import io.converge.contracts.customer.CustomerNotFound;
import io.converge.contracts.customer.ReleaseCredit;
import io.converge.contracts.customer.ReserveCredit;
import io.converge.contracts.inventory.OutOfStock;
import io.converge.contracts.inventory.ReleaseStock;
import io.converge.contracts.inventory.ReserveStock;
import io.converge.contracts.inventory.StockReserved;
import io.converge.contracts.inventory.UnknownProduct;
import io.converge.contracts.order.ApproveOrder;
import io.converge.contracts.order.CreateOrder;
import io.converge.contracts.order.RejectOrder;
import io.converge.contracts.payment.AuthorizePayment;
import io.converge.contracts.payment.PaymentDeclined;
import io.converge.contracts.payment.VoidPayment;
import io.converge.orchestrator.history.SagaLifecycle;
import io.eventuate.tram.sagas.orchestration.SagaDefinition;
import io.eventuate.tram.sagas.simpledsl.SimpleSaga;

/**
 * Places an order across four services: create it PENDING, reserve stock (which prices it), reserve credit, authorize
 * payment, approve. A failure reply at any step compensates the completed steps in reverse order and the order ends
 * REJECTED with the reason.
 */
public class PlaceOrderSaga implements SimpleSaga<PlaceOrderSagaData> {

  /** The saga type on the wire and in the database: never the class name, so a refactoring cannot orphan sagas. */
  public static final String TYPE = "converge.PlaceOrderSaga";

  private final ParticipantProxies.OrderService orderService = new ParticipantProxies.OrderService();
  private final ParticipantProxies.InventoryService inventoryService = new ParticipantProxies.InventoryService();
  private final ParticipantProxies.CustomerService customerService = new ParticipantProxies.CustomerService();
  private final ParticipantProxies.PaymentService paymentService = new ParticipantProxies.PaymentService();
  private final SagaLifecycle lifecycle;

  private final SagaDefinition<PlaceOrderSagaData> definition =
      step()
          .invokeParticipant(orderService.createOrder, this::createOrder)
          .withCompensation(orderService.rejectOrder, this::rejectOrder)
      .step()
          .invokeParticipant(inventoryService.reserveStock, this::reserveStock)
          .onReply(StockReserved.class, (data, reply) -> data.priced(reply.total()))
          .onReply(UnknownProduct.class, (data, reply) -> data.rejectedBecause(RejectionReason.UNKNOWN_PRODUCT))
          .onReply(OutOfStock.class, (data, reply) -> data.rejectedBecause(RejectionReason.OUT_OF_STOCK))
          .withCompensation(inventoryService.releaseStock, data -> new ReleaseStock(data.getOrderId()))
      .step()
          .invokeParticipant(customerService.reserveCredit, this::reserveCredit)
          .onReply(CustomerNotFound.class, (data, reply) -> data.rejectedBecause(RejectionReason.UNKNOWN_CUSTOMER))
          .onReply(CreditLimitExceeded.class,
              (data, reply) -> data.rejectedBecause(RejectionReason.CREDIT_LIMIT_EXCEEDED))
          .withCompensation(customerService.releaseCredit, data -> new ReleaseCredit(data.getOrderId()))
      .step()
          .invokeParticipant(paymentService.authorizePayment, this::authorizePayment)
          .onReply(PaymentDeclined.class, (data, reply) -> data.rejectedBecause(RejectionReason.PAYMENT_DECLINED))
          .withCompensation(paymentService.voidPayment, data -> new VoidPayment(data.getOrderId()))
      .step()
          .invokeParticipant(orderService.approveOrder, this::approveOrder)
      .build();

  public PlaceOrderSaga(SagaLifecycle lifecycle) {
    this.lifecycle = lifecycle;
  }

  @Override
  public String getSagaType() {
    return TYPE;
  }

  @Override
  public SagaDefinition<PlaceOrderSagaData> getSagaDefinition() {
    return definition;
  }

  private CreateOrder createOrder(PlaceOrderSagaData data) {
    return new CreateOrder(data.getOrderId(), data.getCustomerId(), data.getLines(), data.getPaymentMethod());
  }

  private RejectOrder rejectOrder(PlaceOrderSagaData data) {
    return new RejectOrder(data.getOrderId(), data.getRejectionReason());
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

  private ApproveOrder approveOrder(PlaceOrderSagaData data) {
    return new ApproveOrder(data.getOrderId(), data.getTotal());
  }

  @Override
  public void onStarting(String sagaId, PlaceOrderSagaData data) {
    lifecycle.started(sagaId, TYPE, data.getOrderId());
  }

  @Override
  public void onSagaCompletedSuccessfully(String sagaId, PlaceOrderSagaData data) {
    lifecycle.completed(sagaId);
  }

  @Override
  public void onSagaRolledBack(String sagaId, PlaceOrderSagaData data) {
    lifecycle.compensated(sagaId, data.getRejectionReason() == null ? null : data.getRejectionReason().name());
  }

  @Override
  public void onSagaFailed(String sagaId, PlaceOrderSagaData data) {
    lifecycle.failed(sagaId);
  }
}
