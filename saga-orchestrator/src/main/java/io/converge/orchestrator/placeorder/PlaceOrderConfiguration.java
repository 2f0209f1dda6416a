package io.converge.orchestrator.placeorder;

import io.converge.orchestrator.history.SagaLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class PlaceOrderConfiguration {

  @Bean
  PlaceOrderSaga placeOrderSaga(SagaLifecycle lifecycle) {
    return new PlaceOrderSaga(lifecycle);
  }
}
