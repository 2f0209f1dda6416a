package io.converge.orchestrator;

import io.converge.devinfra.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class OrchestratorArchitectureTest {

  @Test
  void sharesOnlyContractsTheOutboxLibraryAndTheSagaRuntime() {
    ServiceArchitecture.sharesOnlyContractsOutboxAnd("io.converge.orchestrator", "io.converge.saga.runtime");
  }
}
