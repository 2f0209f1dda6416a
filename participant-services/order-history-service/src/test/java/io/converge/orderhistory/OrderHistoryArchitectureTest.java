package io.converge.orderhistory;

import io.converge.devinfra.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class OrderHistoryArchitectureTest {

  @Test
  void sharesOnlyContracts() {
    ServiceArchitecture.sharesOnlyContractsAndOutbox("io.converge.orderhistory");
  }
}
