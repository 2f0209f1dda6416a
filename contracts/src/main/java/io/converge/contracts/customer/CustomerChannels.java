package io.converge.contracts.customer;

public final class CustomerChannels {
  public static final String COMMANDS = "converge.customer.commands";

  private CustomerChannels() {
  }
}
