package io.converge.contracts.order;

public final class OrderChannels {
  public static final String COMMANDS = "converge.order.commands";

  private OrderChannels() {
  }
}
