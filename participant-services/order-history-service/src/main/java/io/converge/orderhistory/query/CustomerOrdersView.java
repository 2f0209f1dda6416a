package io.converge.orderhistory.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A customer's orders, newest first, one page of them, with what the customer has open and has spent.
 *
 * @param openCredit the credit its orders hold now (reserved, not released)
 * @param spend      the total of its approved orders (cancelled ones no longer count)
 */
record CustomerOrdersView(String customerId, String name, BigDecimal creditLimit, BigDecimal openCredit,
                          BigDecimal spend, List<OrderSummary> orders, int page, int size, long totalOrders,
                          ReadPosition readModel) {

  record OrderSummary(String orderId, String state, BigDecimal total, Instant placedAt, String stock, String credit,
                      String payment) {
  }
}
