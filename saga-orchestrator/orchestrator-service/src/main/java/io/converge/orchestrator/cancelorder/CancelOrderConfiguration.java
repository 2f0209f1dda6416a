package io.converge.orchestrator.cancelorder;

import io.converge.saga.runtime.definition.SagaPolicyProperties;
import io.converge.saga.runtime.state.SagaLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class CancelOrderConfiguration {

  @Bean
  CancelOrderSaga cancelOrderSaga(SagaLifecycle lifecycle, SagaPolicyProperties policies) {
    return new CancelOrderSaga(lifecycle, policies);
  }
}
