package io.converge.orchestrator.cancelorder;

import io.converge.contracts.MessageCatalog;
import io.converge.contracts.StepTimedOut;
import io.converge.contracts.customer.ReleaseCredit;
import io.converge.contracts.inventory.ReleaseStock;
import io.converge.contracts.order.BeginCancellation;
import io.converge.contracts.order.ConfirmCancellation;
import io.converge.contracts.order.OrderChannels;
import io.converge.contracts.order.OrderNotCancellable;
import io.converge.contracts.order.UndoCancellation;
import io.converge.contracts.payment.VoidPayment;
import io.converge.contracts.customer.CustomerServiceProxy;
import io.converge.contracts.inventory.InventoryServiceProxy;
import io.converge.contracts.order.OrderServiceProxy;
import io.converge.contracts.payment.PaymentServiceProxy;
import io.converge.saga.runtime.definition.DeclaredSaga;
import io.converge.saga.runtime.definition.SagaPolicyProperties;
import io.converge.saga.runtime.state.SagaLifecycle;
import io.eventuate.tram.sagas.orchestration.SagaDefinition;
import java.util.Optional;

/**
 * Cancels an approved order: lock it (CANCELLATION_PENDING, so no other saga changes it meanwhile), void its payment,
 * release its credit, return its stock, and confirm: the order ends CANCELLED.
 *
 * <p>Locking the order is compensatable (undone if the order cannot be cancelled or the step times out). Voiding the
 * payment is the pivot: once the payment is voided the cancellation runs to its end, and the steps after it are
 * retriable, asked again until they answer. Nothing after the pivot is ever undone.
 */
public class CancelOrderSaga extends DeclaredSaga<CancelOrderSagaData> {

  /** The saga type on the wire and in the database. */
  public static final String TYPE = "converge.CancelOrderSaga";

  private final OrderServiceProxy orderService = new OrderServiceProxy();
  private final InventoryServiceProxy inventoryService = new InventoryServiceProxy();
  private final CustomerServiceProxy customerService = new CustomerServiceProxy();
  private final PaymentServiceProxy paymentService = new PaymentServiceProxy();

  private final SagaDefinition<CancelOrderSagaData> definition =
      step()
          .invokeParticipant(orderService.beginCancellation, this::beginCancellation)
          .onReply(OrderNotCancellable.class, (data, reply) -> data.notCancelledBecause("ORDER_" + reply.state()))
          .onReply(StepTimedOut.class, (data, reply) -> data.notCancelledBecause("STEP_TIMED_OUT"))
          .withCompensation(orderService.undoCancellation, this::undoCancellation)
      .step()
          .invokeParticipant(paymentService.voidPayment, data -> new VoidPayment(data.getOrderId()))
      .step()
          .invokeParticipant(customerService.releaseCredit, data -> new ReleaseCredit(data.getOrderId()))
      .step()
          .invokeParticipant(inventoryService.releaseStock, data -> new ReleaseStock(data.getOrderId()))
      .step()
          .invokeParticipant(orderService.confirmCancellation, this::confirmCancellation)
      .build();

  public CancelOrderSaga(SagaLifecycle lifecycle, SagaPolicyProperties policies) {
    super(TYPE, lifecycle, policies, steps -> steps.compensatable(BeginCancellation.class).pivot(VoidPayment.class)
        .retriable(ReleaseCredit.class).retriable(ReleaseStock.class).retriable(ConfirmCancellation.class));
  }

  /** Only the lock is undone on a timeout; a cancellation's id is its saga's id. */
  @Override
  public Optional<Undo> compensationOfTimedOut(String commandType, String sagaId, String orderId) {
    return commandType.equals(MessageCatalog.wireNameOf(BeginCancellation.class))
        ? Optional.of(new Undo(new UndoCancellation(orderId, sagaId), OrderChannels.COMMANDS))
        : Optional.empty();
  }

  @Override
  public SagaDefinition<CancelOrderSagaData> getSagaDefinition() {
    return definition;
  }

  private BeginCancellation beginCancellation(CancelOrderSagaData data) {
    return new BeginCancellation(data.getOrderId(), data.getCancellationId());
  }

  private UndoCancellation undoCancellation(CancelOrderSagaData data) {
    return new UndoCancellation(data.getOrderId(), data.getCancellationId());
  }

  private ConfirmCancellation confirmCancellation(CancelOrderSagaData data) {
    return new ConfirmCancellation(data.getOrderId(), data.getCancellationId());
  }

  /** Before the first command is built: the cancellation takes its saga's id, so its undo can name it. */
  @Override
  protected void starting(String sagaId, CancelOrderSagaData data) {
    data.identifiedAs(sagaId);
  }

  @Override
  protected String businessKeyOf(CancelOrderSagaData data) {
    return data.getOrderId();
  }

  @Override
  protected String completedBecause(CancelOrderSagaData data) {
    return "ORDER_CANCELLED";
  }

  @Override
  protected String compensatedBecause(CancelOrderSagaData data) {
    return data.getNotCancelledBecause() == null ? "PARTICIPANT_FAILED" : data.getNotCancelledBecause();
  }
}
