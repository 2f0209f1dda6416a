package io.converge.orchestrator.placeorder;

import io.converge.orchestrator.history.SagaLifecycle;
import io.converge.orchestrator.timeouts.SagaPolicyProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(SagaPolicyProperties.class)
class PlaceOrderConfiguration {

  @Bean
  PlaceOrderSaga placeOrderSaga(SagaLifecycle lifecycle, SagaPolicyProperties policies) {
    return new PlaceOrderSaga(lifecycle, policies);
  }
}
