package io.converge.saga.runtime.operations;

import io.converge.service.security.ProtectedEndpoint;
import io.converge.service.security.ProtectedEndpoints;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration
class OperationsConfiguration {

  /**
   * Listing sagas and reading the reconciler's reports is for viewers; acting on a saga and starting a check, for
   * operators. A single saga ({@code GET /api/sagas/{id}}) stays open: it is how the client that started it learns
   * its outcome.
   */
  @Bean
  ProtectedEndpoints sagaOperationEndpoints() {
    return () -> List.of(ProtectedEndpoint.viewer(HttpMethod.GET, "/api/sagas"),
        ProtectedEndpoint.operator(HttpMethod.POST, "/api/sagas/*/*"),
        ProtectedEndpoint.viewer(HttpMethod.GET, "/api/consistency"),
        ProtectedEndpoint.viewer(HttpMethod.GET, "/api/consistency/**"),
        ProtectedEndpoint.operator(HttpMethod.POST, "/api/consistency/**"));
  }
}
