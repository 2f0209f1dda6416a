package io.converge.contracts.inventory;

import io.converge.contracts.WireName;

@WireName("inventory.StockReleased")
public record StockReleased(String orderId) {
}
