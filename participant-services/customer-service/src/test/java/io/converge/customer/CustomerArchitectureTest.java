package io.converge.customer;

import io.converge.devinfra.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class CustomerArchitectureTest {

  @Test
  void sharesOnlyContractsAndKeepsItsDomainFreeOfInfrastructure() {
    ServiceArchitecture.check("io.converge.customer");
  }
}
