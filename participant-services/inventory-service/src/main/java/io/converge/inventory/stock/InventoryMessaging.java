package io.converge.inventory.stock;

import io.eventuate.tram.sagas.participant.SagaCommandDispatcher;
import io.eventuate.tram.sagas.participant.SagaCommandDispatcherFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class InventoryMessaging {

  @Bean
  SagaCommandDispatcher inventoryCommandDispatcher(InventoryCommandHandlers handlers,
                                                   SagaCommandDispatcherFactory factory) {
    return factory.make("inventory-service-commands", handlers.definitions());
  }
}
