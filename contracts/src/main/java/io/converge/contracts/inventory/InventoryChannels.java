package io.converge.contracts.inventory;

public final class InventoryChannels {
  public static final String COMMANDS = "converge.inventory.commands";

  private InventoryChannels() {
  }
}
