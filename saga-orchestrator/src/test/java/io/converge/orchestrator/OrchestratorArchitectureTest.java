package io.converge.orchestrator;

import io.converge.devinfra.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class OrchestratorArchitectureTest {

  @Test
  void sharesOnlyContractsAndTheOutboxLibrary() {
    ServiceArchitecture.sharesOnlyContractsAndOutbox("io.converge.orchestrator");
  }
}
