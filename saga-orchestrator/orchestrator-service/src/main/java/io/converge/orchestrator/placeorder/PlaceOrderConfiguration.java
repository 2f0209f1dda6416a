package io.converge.orchestrator.placeorder;

import io.converge.saga.runtime.state.SagaLifecycle;
import io.converge.saga.runtime.definition.SagaPolicyProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PlaceOrderConfiguration {

  @Bean
  PlaceOrderSaga placeOrderSaga(SagaLifecycle lifecycle, SagaPolicyProperties policies) {
    return new PlaceOrderSaga(lifecycle, policies);
  }
}
