package io.converge.inventory.stock.domain;

import java.math.BigDecimal;

/** A product inventory sells: its price and how much of it is on hand and already reserved. */
public record Product(String sku, String name, BigDecimal price, int onHand, int reserved) {

  public Product {
    if (price.signum() < 0 || onHand < 0 || reserved < 0 || reserved > onHand) {
      throw new IllegalArgumentException("price, onHand and reserved must not be negative; reserved ≤ onHand");
    }
  }

  public int available() {
    return onHand - reserved;
  }
}
