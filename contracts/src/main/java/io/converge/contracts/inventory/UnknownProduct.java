package io.converge.contracts.inventory;

import io.converge.contracts.WireName;
import java.util.List;

@WireName("inventory.UnknownProduct")
public record UnknownProduct(String orderId, List<String> skus) implements ReserveStockReply {
}
