package io.converge.contracts;

/** One line of an order as the customer asked for it. */
public record OrderLine(String sku, int quantity) {
}
