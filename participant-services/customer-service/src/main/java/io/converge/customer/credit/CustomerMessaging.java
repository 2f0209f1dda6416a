package io.converge.customer.credit;

import io.converge.service.security.ProtectedEndpoint;
import io.converge.service.security.ProtectedEndpoints;
import io.eventuate.tram.sagas.participant.SagaCommandDispatcher;
import io.eventuate.tram.sagas.participant.SagaCommandDispatcherFactory;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration
class CustomerMessaging {

  @Bean
  SagaCommandDispatcher customerCommandDispatcher(CustomerCommandHandlers handlers,
                                                  SagaCommandDispatcherFactory factory) {
    return factory.make("customer-service-commands", handlers.definitions());
  }

  /** Changing a customer's credit limit is an operator's act. */
  @Bean
  ProtectedEndpoints creditLimitEndpoints() {
    return () -> List.of(ProtectedEndpoint.operator(HttpMethod.PUT, "/api/customers/*/credit-limit"));
  }
}
