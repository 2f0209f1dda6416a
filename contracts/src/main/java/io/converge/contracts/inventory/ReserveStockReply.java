package io.converge.contracts.inventory;

/** Replies to {@link ReserveStock}; only {@link StockReserved} is a success. */
public sealed interface ReserveStockReply permits StockReserved, UnknownProduct, OutOfStock {
}
