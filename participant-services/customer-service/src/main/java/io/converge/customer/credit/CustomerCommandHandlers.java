package io.converge.customer.credit;

import static io.eventuate.tram.commands.consumer.CommandHandlerReplyBuilder.withFailure;
import static io.eventuate.tram.commands.consumer.CommandHandlerReplyBuilder.withSuccess;

import io.converge.contracts.customer.CreditLimitExceeded;
import io.converge.contracts.customer.CreditReleased;
import io.converge.contracts.customer.CreditReserved;
import io.converge.contracts.customer.CustomerChannels;
import io.converge.contracts.customer.CustomerNotFound;
import io.converge.contracts.customer.ReleaseCredit;
import io.converge.contracts.customer.ReserveCredit;
import io.converge.customer.credit.domain.CreditReservation;
import io.eventuate.tram.commands.consumer.CommandHandlers;
import io.eventuate.tram.commands.consumer.CommandMessage;
import io.eventuate.tram.messaging.common.Message;
import io.eventuate.tram.sagas.participant.SagaCommandHandlersBuilder;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;

/** Translates the customer channel's commands into credit operations and their outcomes into typed replies. */
@Component
class CustomerCommandHandlers {

  private final CustomerCredit credit;

  CustomerCommandHandlers(CustomerCredit credit) {
    this.credit = credit;
  }

  CommandHandlers definitions() {
    return SagaCommandHandlersBuilder.fromChannel(CustomerChannels.COMMANDS)
        .onMessage(ReserveCredit.class, this::reserveCredit)
        .onMessage(ReleaseCredit.class, this::releaseCredit)
        .build();
  }

  Message reserveCredit(CommandMessage<ReserveCredit> message) {
    ReserveCredit command = message.getCommand();
    CreditReservation outcome = credit.reserve(command.orderId(), command.customerId(), command.total());
    return switch (outcome.status()) {
      case RESERVED -> withSuccess(new CreditReserved(command.orderId()));
      case REJECTED -> switch (outcome.reason()) {
        case CUSTOMER_NOT_FOUND -> withFailure(new CustomerNotFound(command.orderId(), command.customerId()));
        case CREDIT_LIMIT_EXCEEDED ->
            withFailure(new CreditLimitExceeded(command.orderId(), outcome.amount(), outcome.available()));
      };
      // Released before it was reserved: the saga already gave up on this order; nothing may be reserved now.
      case RELEASED -> withFailure(new CreditLimitExceeded(command.orderId(), command.total(), BigDecimal.ZERO));
    };
  }

  Message releaseCredit(CommandMessage<ReleaseCredit> message) {
    credit.release(message.getCommand().orderId());
    return withSuccess(new CreditReleased(message.getCommand().orderId()));
  }
}
