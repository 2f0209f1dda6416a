package io.converge.contracts;

import java.math.BigDecimal;

/** One order line with the unit price inventory charged for it. */
public record PricedLine(String sku, int quantity, BigDecimal unitPrice) {
}
