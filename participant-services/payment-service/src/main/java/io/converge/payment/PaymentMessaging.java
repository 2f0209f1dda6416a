package io.converge.payment;

import io.converge.payment.authorization.PaymentCommandHandlers;
import io.converge.payment.review.RiskReviewCommandHandlers;
import io.eventuate.tram.commands.consumer.CommandHandler;
import io.eventuate.tram.commands.consumer.CommandHandlers;
import io.eventuate.tram.sagas.participant.SagaCommandDispatcher;
import io.eventuate.tram.sagas.participant.SagaCommandDispatcherFactory;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One dispatcher for the service's command channel, serving the handlers of every feature: a command with no handler
 * in its dispatcher fails, so two dispatchers on one channel would each fail the other's commands.
 */
@Configuration
class PaymentMessaging {

  @Bean
  SagaCommandDispatcher paymentCommandDispatcher(PaymentCommandHandlers payments, RiskReviewCommandHandlers reviews,
                                                 SagaCommandDispatcherFactory factory) {
    List<CommandHandler> handlers = new ArrayList<>(payments.definitions().getHandlers());
    handlers.addAll(reviews.definitions().getHandlers());
    return factory.make("payment-service-commands", new CommandHandlers(handlers));
  }
}
