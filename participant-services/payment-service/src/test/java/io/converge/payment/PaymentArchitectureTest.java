package io.converge.payment;

import io.converge.devinfra.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class PaymentArchitectureTest {

  @Test
  void sharesOnlyContractsAndKeepsItsDomainFreeOfInfrastructure() {
    ServiceArchitecture.check("io.converge.payment");
  }
}
