package io.converge.payment.authorization;

import io.eventuate.tram.sagas.participant.SagaCommandDispatcher;
import io.eventuate.tram.sagas.participant.SagaCommandDispatcherFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PaymentMessaging {

  @Bean
  SagaCommandDispatcher paymentCommandDispatcher(PaymentCommandHandlers handlers,
                                                 SagaCommandDispatcherFactory factory) {
    return factory.make("payment-service-commands", handlers.definitions());
  }
}
