package io.converge.payment.authorization;

import static io.eventuate.tram.commands.consumer.CommandHandlerReplyBuilder.withFailure;
import static io.eventuate.tram.commands.consumer.CommandHandlerReplyBuilder.withSuccess;

import io.converge.contracts.payment.AuthorizePayment;
import io.converge.contracts.payment.PaymentAuthorized;
import io.converge.contracts.payment.PaymentChannels;
import io.converge.contracts.payment.PaymentDeclined;
import io.converge.contracts.payment.PaymentVoided;
import io.converge.contracts.payment.VoidPayment;
import io.converge.payment.authorization.domain.Payment;
import io.eventuate.tram.commands.consumer.CommandHandlers;
import io.eventuate.tram.commands.consumer.CommandMessage;
import io.eventuate.tram.messaging.common.Message;
import io.eventuate.tram.sagas.participant.SagaCommandHandlersBuilder;
import org.springframework.stereotype.Component;

@Component
public class PaymentCommandHandlers {

  private final Payments payments;

  PaymentCommandHandlers(Payments payments) {
    this.payments = payments;
  }

  public CommandHandlers definitions() {
    return SagaCommandHandlersBuilder.fromChannel(PaymentChannels.COMMANDS)
        .onMessage(AuthorizePayment.class, this::authorize)
        .onMessage(VoidPayment.class, this::voidPayment)
        .build();
  }

  Message authorize(CommandMessage<AuthorizePayment> message) {
    AuthorizePayment command = message.getCommand();
    Payment payment = payments.authorize(command.orderId(), command.customerId(), command.total(),
        command.paymentMethod());
    return payment.status() == Payment.Status.AUTHORIZED
        ? withSuccess(new PaymentAuthorized(command.orderId(), payment.paymentId()))
        : withFailure(new PaymentDeclined(command.orderId(), payment.reason()));
  }

  Message voidPayment(CommandMessage<VoidPayment> message) {
    payments.voidPayment(message.getCommand().orderId());
    return withSuccess(new PaymentVoided(message.getCommand().orderId()));
  }
}
