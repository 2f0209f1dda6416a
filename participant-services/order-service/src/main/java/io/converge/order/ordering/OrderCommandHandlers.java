package io.converge.order.ordering;

import static io.eventuate.tram.commands.consumer.CommandHandlerReplyBuilder.withSuccess;

import io.converge.contracts.order.ApproveOrder;
import io.converge.contracts.order.CreateOrder;
import io.converge.contracts.order.OrderApproved;
import io.converge.contracts.order.OrderChannels;
import io.converge.contracts.order.OrderCreated;
import io.converge.contracts.order.OrderRejected;
import io.converge.contracts.order.RejectOrder;
import io.eventuate.tram.commands.consumer.CommandHandlers;
import io.eventuate.tram.commands.consumer.CommandMessage;
import io.eventuate.tram.messaging.common.Message;
import io.eventuate.tram.sagas.participant.SagaCommandHandlersBuilder;
import org.springframework.stereotype.Component;

/** The order channel's commands; none of them can fail for a business reason. */
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
    orders.reject(message.getCommand().orderId(), message.getCommand().reason());
    return withSuccess(new OrderRejected(message.getCommand().orderId()));
  }

  Message approveOrder(CommandMessage<ApproveOrder> message) {
    orders.approve(message.getCommand().orderId(), message.getCommand().total());
    return withSuccess(new OrderApproved(message.getCommand().orderId()));
  }
}
