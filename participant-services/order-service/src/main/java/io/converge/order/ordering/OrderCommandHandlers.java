package io.converge.order.ordering;

import static io.eventuate.tram.commands.consumer.CommandHandlerReplyBuilder.withFailure;
import static io.eventuate.tram.commands.consumer.CommandHandlerReplyBuilder.withSuccess;

import io.converge.contracts.order.ApproveOrder;
import io.converge.contracts.order.BeginCancellation;
import io.converge.contracts.order.CancellationBegun;
import io.converge.contracts.order.CancellationUndone;
import io.converge.contracts.order.ConfirmCancellation;
import io.converge.contracts.order.OrderAlreadyCancelled;
import io.converge.contracts.order.OrderCancelled;
import io.converge.contracts.order.OrderNotCancellable;
import io.converge.contracts.order.UndoCancellation;
import io.converge.contracts.order.CreateOrder;
import io.converge.contracts.order.OrderAlreadyApproved;
import io.converge.contracts.order.OrderAlreadyRejected;
import io.converge.contracts.order.OrderApproved;
import io.converge.contracts.order.OrderChannels;
import io.converge.contracts.order.OrderCreated;
import io.converge.contracts.order.OrderRejected;
import io.converge.contracts.order.RejectOrder;
import io.converge.order.ordering.domain.Order;
import io.converge.order.ordering.domain.OrderState;
import io.eventuate.tram.commands.consumer.CommandHandlers;
import io.eventuate.tram.commands.consumer.CommandMessage;
import io.eventuate.tram.messaging.common.Message;
import io.eventuate.tram.sagas.participant.SagaCommandHandlersBuilder;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The order channel's commands. Approval and rejection are final and exclude each other: a rejection that meets an
 * approved (or since cancelled) order answers {@link OrderAlreadyApproved} (the compensation could not undo), an
 * approval that meets a rejected order {@link OrderAlreadyRejected}; neither changes the order. A cancellation locks
 * an approved order (BeginCancellation), then confirms or undoes it; undoing a confirmed one is refused
 * ({@link OrderAlreadyCancelled}).
 */
@Component
class OrderCommandHandlers {

  private final Orders orders;

  OrderCommandHandlers(Orders orders) {
    this.orders = orders;
  }

  CommandHandlers definitions() {
    return SagaCommandHandlersBuilder.fromChannel(OrderChannels.COMMANDS)
        .onMessage(CreateOrder.class, this::createOrder)
        .onMessage(RejectOrder.class, this::rejectOrder)
        .onMessage(ApproveOrder.class, this::approveOrder)
        .onMessage(BeginCancellation.class, this::beginCancellation)
        .onMessage(UndoCancellation.class, this::undoCancellation)
        .onMessage(ConfirmCancellation.class, this::confirmCancellation)
        .build();
  }

  Message createOrder(CommandMessage<CreateOrder> message) {
    CreateOrder command = message.getCommand();
    orders.create(command.orderId(), command.customerId(), command.paymentMethod(), command.lines());
    return withSuccess(new OrderCreated(command.orderId()));
  }

  Message rejectOrder(CommandMessage<RejectOrder> message) {
    String orderId = message.getCommand().orderId();
    Order order = orders.reject(orderId, message.getCommand().reason());
    return order.state() == OrderState.REJECTED
        ? withSuccess(new OrderRejected(orderId)) : withFailure(new OrderAlreadyApproved(orderId));
  }

  Message approveOrder(CommandMessage<ApproveOrder> message) {
    String orderId = message.getCommand().orderId();
    Order order = orders.approve(orderId, message.getCommand().total());
    return order.state() == OrderState.REJECTED
        ? withFailure(new OrderAlreadyRejected(orderId, order.reason())) : withSuccess(new OrderApproved(orderId));
  }

  Message beginCancellation(CommandMessage<BeginCancellation> message) {
    BeginCancellation command = message.getCommand();
    Optional<Order> order = orders.beginCancellation(command.orderId(), command.cancellationId());
    if (order.isPresent() && order.get().cancelledBy(command.cancellationId())) {
      return withSuccess(new CancellationBegun(command.orderId()));
    }
    String state = orders.withdrawn(command.cancellationId()) ? "WITHDRAWN"
        : order.map(o -> o.state().name()).orElse("NONE");
    return withFailure(new OrderNotCancellable(command.orderId(), state));
  }

  Message undoCancellation(CommandMessage<UndoCancellation> message) {
    UndoCancellation command = message.getCommand();
    Optional<Order> order = orders.undoCancellation(command.orderId(), command.cancellationId());
    return order.filter(o -> o.state() == OrderState.CANCELLED && o.cancelledBy(command.cancellationId())).isPresent()
        ? withFailure(new OrderAlreadyCancelled(command.orderId()))
        : withSuccess(new CancellationUndone(command.orderId()));
  }

  Message confirmCancellation(CommandMessage<ConfirmCancellation> message) {
    ConfirmCancellation command = message.getCommand();
    Optional<Order> order = orders.confirmCancellation(command.orderId(), command.cancellationId());
    return order.filter(o -> o.state() == OrderState.CANCELLED && o.cancelledBy(command.cancellationId())).isPresent()
        ? withSuccess(new OrderCancelled(command.orderId()))
        : withFailure(new OrderNotCancellable(command.orderId(), order.map(o -> o.state().name()).orElse("NONE")));
  }
}
