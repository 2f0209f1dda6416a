package io.converge.contracts.inventory;

import io.converge.contracts.PricedLine;
import io.converge.contracts.WireName;
import java.math.BigDecimal;
import java.util.List;

/** Success reply to {@link ReserveStock}: inventory owns prices, so it prices the order. */
@WireName("inventory.StockReserved")
public record StockReserved(String orderId, List<PricedLine> lines, BigDecimal total) implements ReserveStockReply {
}
