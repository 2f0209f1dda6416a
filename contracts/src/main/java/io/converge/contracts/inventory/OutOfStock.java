package io.converge.contracts.inventory;

import io.converge.contracts.WireName;
import java.util.List;

@WireName("inventory.OutOfStock")
public record OutOfStock(String orderId, List<String> skus) implements ReserveStockReply {
}
