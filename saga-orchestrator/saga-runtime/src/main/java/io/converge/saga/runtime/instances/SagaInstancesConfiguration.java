package io.converge.saga.runtime.instances;

import io.eventuate.common.jdbc.EventuateJdbcStatementExecutor;
import io.eventuate.common.jdbc.EventuateSchema;
import io.eventuate.tram.sagas.orchestration.SagaInstanceRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** Where Eventuate's saga manager keeps its saga instances: preferred over the store Eventuate declares. */
@Configuration
class SagaInstancesConfiguration {

  @Bean
  @Primary
  SagaInstanceRepository joinedSagaInstanceRepository(EventuateJdbcStatementExecutor jdbc, EventuateSchema schema) {
    return new JoinedSagaInstanceRepository(jdbc, schema);
  }
}
