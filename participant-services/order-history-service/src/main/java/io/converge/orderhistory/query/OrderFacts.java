package io.converge.orderhistory.query;

import java.math.BigDecimal;
import java.util.Map;

/**
 * What the order history holds for an order, service by service, and the state of each saga that drove it (by saga
 * id): what the reconciler compares with the services of record and the orchestrator (a facet the history has not
 * heard of is null).
 */
record OrderFacts(String orderId, long orderVersion, String state, String stock, String credit, BigDecimal creditAmount,
                  String payment, BigDecimal paymentAmount, Map<String, String> sagas) {
}
