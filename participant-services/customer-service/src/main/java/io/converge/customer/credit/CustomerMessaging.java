package io.converge.customer.credit;

import io.eventuate.tram.sagas.participant.SagaCommandDispatcher;
import io.eventuate.tram.sagas.participant.SagaCommandDispatcherFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CustomerMessaging {

  @Bean
  SagaCommandDispatcher customerCommandDispatcher(CustomerCommandHandlers handlers,
                                                  SagaCommandDispatcherFactory factory) {
    return factory.make("customer-service-commands", handlers.definitions());
  }
}
