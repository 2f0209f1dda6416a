package io.converge.contracts.inventory;

import io.converge.contracts.PricedLine;
import io.converge.contracts.WireName;
import io.converge.contracts.events.PublishedEvent;
import java.util.List;

/**
 * What happens to an order's stock reservation, as inventory-service publishes it (aggregate id: the order id;
 * version 1 is the decision, version 2 its release).
 */
public sealed interface StockEvent extends PublishedEvent {

  String CHANNEL = "converge.events.stock";

  String orderId();

  @Override
  default String aggregateId() {
    return orderId();
  }

  @WireName("stock.event.Reserved.v1")
  record Reserved(String orderId, long version, List<PricedLine> lines, long occurredAtEpochMillis)
      implements StockEvent {
  }

  /** @param reason UNKNOWN_PRODUCT or OUT_OF_STOCK */
  @WireName("stock.event.Rejected.v1")
  record Rejected(String orderId, long version, String reason, List<String> skus, long occurredAtEpochMillis)
      implements StockEvent {
  }

  @WireName("stock.event.Released.v1")
  record Released(String orderId, long version, long occurredAtEpochMillis) implements StockEvent {
  }
}
