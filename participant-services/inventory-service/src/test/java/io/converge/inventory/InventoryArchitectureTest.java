package io.converge.inventory;

import io.converge.devinfra.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class InventoryArchitectureTest {

  @Test
  void sharesOnlyContractsAndKeepsItsDomainFreeOfInfrastructure() {
    ServiceArchitecture.check("io.converge.inventory");
  }
}
