package io.converge.order;

import io.converge.devinfra.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class OrderArchitectureTest {

  @Test
  void sharesOnlyContractsAndKeepsItsDomainFreeOfInfrastructure() {
    ServiceArchitecture.check("io.converge.order");
  }
}
