package io.converge.order.ordering;

import io.eventuate.tram.sagas.participant.SagaCommandDispatcher;
import io.eventuate.tram.sagas.participant.SagaCommandDispatcherFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class OrderMessaging {

  @Bean
  SagaCommandDispatcher orderCommandDispatcher(OrderCommandHandlers handlers, SagaCommandDispatcherFactory factory) {
    return factory.make("order-service-commands", handlers.definitions());
  }
}
