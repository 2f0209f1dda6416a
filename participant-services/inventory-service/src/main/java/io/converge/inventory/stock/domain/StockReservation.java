package io.converge.inventory.stock.domain;

import io.converge.contracts.OrderLine;
import io.converge.contracts.PricedLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of reserving stock for one order: every line or none. Kept whatever it was, so the same command always
 * gets the same answer.
 *
 * @param failedSkus the unknown or short products when rejected
 */
public record StockReservation(String orderId, Status status, RejectedBecause reason, List<String> failedSkus,
                               List<PricedLine> lines, BigDecimal total) {

  public enum Status { RESERVED, RELEASED, REJECTED }

  public enum RejectedBecause { UNKNOWN_PRODUCT, OUT_OF_STOCK }

  /** Adds up the quantities asked per product, in product order (the order rows are locked in). */
  public static Map<String, Integer> quantitiesBySku(List<OrderLine> lines) {
    Map<String, Integer> quantities = new TreeMap<>();
    lines.forEach(line -> quantities.merge(line.sku(), line.quantity(), Integer::sum));
    return quantities;
  }

  /** Decides a reservation given the products found for the requested skus. */
  public static StockReservation decide(String orderId, Map<String, Integer> quantities,
                                        Map<String, Product> products) {
    List<String> unknown = quantities.keySet().stream().filter(sku -> !products.containsKey(sku)).toList();
    if (!unknown.isEmpty()) {
      return rejected(orderId, RejectedBecause.UNKNOWN_PRODUCT, unknown);
    }
    List<String> short_ = quantities.entrySet().stream()
        .filter(e -> products.get(e.getKey()).available() < e.getValue()).map(Map.Entry::getKey).toList();
    if (!short_.isEmpty()) {
      return rejected(orderId, RejectedBecause.OUT_OF_STOCK, short_);
    }
    List<PricedLine> priced = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    for (Map.Entry<String, Integer> e : quantities.entrySet()) {
      BigDecimal price = products.get(e.getKey()).price();
      priced.add(new PricedLine(e.getKey(), e.getValue(), price));
      total = total.add(price.multiply(BigDecimal.valueOf(e.getValue())));
    }
    return new StockReservation(orderId, Status.RESERVED, null, List.of(), priced, total);
  }

  public static StockReservation releasedBeforeReserved(String orderId) {
    return new StockReservation(orderId, Status.RELEASED, null, List.of(), List.of(), null);
  }

  private static StockReservation rejected(String orderId, RejectedBecause reason, List<String> skus) {
    return new StockReservation(orderId, Status.REJECTED, reason, skus, List.of(), null);
  }

  public StockReservation release() {
    return new StockReservation(orderId, Status.RELEASED, reason, failedSkus, lines, total);
  }
}
