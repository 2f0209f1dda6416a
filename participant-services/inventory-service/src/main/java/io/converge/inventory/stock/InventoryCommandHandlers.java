package io.converge.inventory.stock;

import static io.eventuate.tram.commands.consumer.CommandHandlerReplyBuilder.withFailure;
import static io.eventuate.tram.commands.consumer.CommandHandlerReplyBuilder.withSuccess;

import io.converge.contracts.inventory.InventoryChannels;
import io.converge.contracts.inventory.OutOfStock;
import io.converge.contracts.inventory.ReleaseStock;
import io.converge.contracts.inventory.ReserveStock;
import io.converge.contracts.inventory.StockReleased;
import io.converge.contracts.inventory.StockReserved;
import io.converge.contracts.inventory.UnknownProduct;
import io.converge.inventory.stock.domain.StockReservation;
import io.eventuate.tram.commands.consumer.CommandHandlers;
import io.eventuate.tram.commands.consumer.CommandMessage;
import io.eventuate.tram.messaging.common.Message;
import io.eventuate.tram.sagas.participant.SagaCommandHandlersBuilder;
import org.springframework.stereotype.Component;

/** Translates the inventory channel's commands into stock operations and their outcomes into typed replies. */
@Component
class InventoryCommandHandlers {

  private final Stock stock;

  InventoryCommandHandlers(Stock stock) {
    this.stock = stock;
  }

  CommandHandlers definitions() {
    return SagaCommandHandlersBuilder.fromChannel(InventoryChannels.COMMANDS)
        .onMessage(ReserveStock.class, this::reserveStock)
        .onMessage(ReleaseStock.class, this::releaseStock)
        .build();
  }

  Message reserveStock(CommandMessage<ReserveStock> message) {
    ReserveStock command = message.getCommand();
    StockReservation outcome = stock.reserve(command.orderId(), command.lines());
    return switch (outcome.status()) {
      case RESERVED -> withSuccess(new StockReserved(command.orderId(), outcome.lines(), outcome.total()));
      case REJECTED -> switch (outcome.reason()) {
        case UNKNOWN_PRODUCT -> withFailure(new UnknownProduct(command.orderId(), outcome.failedSkus()));
        case OUT_OF_STOCK -> withFailure(new OutOfStock(command.orderId(), outcome.failedSkus()));
      };
      // Released before it was reserved: the saga gave up on this order; nothing may be reserved now.
      case RELEASED -> withFailure(new OutOfStock(command.orderId(), outcome.failedSkus()));
    };
  }

  Message releaseStock(CommandMessage<ReleaseStock> message) {
    stock.release(message.getCommand().orderId());
    return withSuccess(new StockReleased(message.getCommand().orderId()));
  }
}
