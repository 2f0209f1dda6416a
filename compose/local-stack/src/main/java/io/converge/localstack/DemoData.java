package io.converge.localstack;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** The customers and products the dev stack starts with; seeding is idempotent, so restarts keep them as they are. */
final class DemoData {

  /** Customer id → credit limit. */
  static final Map<String, String> CUSTOMERS = Map.of(
      "alice", "20000.00",
      "bob", "50.00");

  /** Sku → price and units on hand. */
  record Product(String name, String price, int onHand) {
  }

  static final Map<String, Product> PRODUCTS = Map.of(
      "widget", new Product("Widget", "9.99", 100_000),
      "gadget", new Product("Gadget", "24.50", 100_000),
      "rare-gem", new Product("Rare gem", "500.00", 1),
      // Above the review amount (5,000 by default): an order of one waits for a person's risk review.
      "diamond-ring", new Product("Diamond ring", "7500.00", 1000));

  private DemoData() {
  }

  static void seed(RunningSystem system) {
    RestClient customers = RestClient.create(system.url("customer-service"));
    CUSTOMERS.forEach((id, limit) -> customers.post().uri("/api/customers/{id}", id)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("name", capitalized(id), "creditLimit", new BigDecimal(limit)))
        .exchange((request, response) -> response.getStatusCode()));
    RestClient inventory = RestClient.create(system.url("inventory-service"));
    PRODUCTS.forEach((sku, product) -> inventory.post().uri("/api/products/{sku}", sku)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("name", product.name(), "price", new BigDecimal(product.price()), "onHand", product.onHand()))
        .exchange((request, response) -> response.getStatusCode()));
  }

  private static String capitalized(String id) {
    return Character.toUpperCase(id.charAt(0)) + id.substring(1);
  }
}
