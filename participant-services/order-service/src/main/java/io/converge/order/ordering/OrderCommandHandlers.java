package io.converge.order.ordering;

import static io.eventuate.tram.commands.consumer.CommandHandlerReplyBuilder.withFailure;
import static io.eventuate.tram.commands.consumer.CommandHandlerReplyBuilder.withSuccess;

import io.converge.contracts.order.ApproveOrder;
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
import org.springframework.stereotype.Component;

/**
 * The order channel's commands. Approval and rejection are final and exclude each other: a rejection that meets an
 * approved order answers {@link OrderAlreadyApproved} (the compensation could not undo), an approval that meets a
 * rejected order {@link OrderAlreadyRejected}; neither changes the order.
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
    return order.state() == OrderState.APPROVED
        ? withFailure(new OrderAlreadyApproved(orderId)) : withSuccess(new OrderRejected(orderId));
  }

  Message approveOrder(CommandMessage<ApproveOrder> message) {
    String orderId = message.getCommand().orderId();
    Order order = orders.approve(orderId, message.getCommand().total());
    return order.state() == OrderState.REJECTED
        ? withFailure(new OrderAlreadyRejected(orderId, order.reason())) : withSuccess(new OrderApproved(orderId));
  }
}
