package io.converge.order.ordering.domain;

import io.converge.contracts.OrderLine;
import io.converge.contracts.RejectionReason;
import java.math.BigDecimal;
import java.util.List;

/**
 * An order as the saga drives it: PENDING until every other service has done its part, then APPROVED, or REJECTED
 * with the reason. Both ends are final; repeating a transition into the state it is already in changes nothing.
 */
public record Order(String id, String customerId, String paymentMethod, List<OrderLine> lines, OrderState state,
                    RejectionReason reason, BigDecimal total) {

  public static Order pending(String id, String customerId, String paymentMethod, List<OrderLine> lines) {
    return new Order(id, customerId, paymentMethod, List.copyOf(lines), OrderState.PENDING, null, null);
  }

  /** What a rejection leaves when it arrives before the order was created: the order can never start afterwards. */
  public static Order rejectedBeforeCreated(String id, RejectionReason reason) {
    return new Order(id, null, null, List.of(), OrderState.REJECTED, reason, null);
  }

  /** Approves a pending order; an order already decided stays as it is. */
  public Order approve(BigDecimal orderTotal) {
    return state == OrderState.PENDING
        ? new Order(id, customerId, paymentMethod, lines, OrderState.APPROVED, null, orderTotal) : this;
  }

  /** Rejects a pending order; an order already decided stays as it is. */
  public Order reject(RejectionReason rejectionReason) {
    return state == OrderState.PENDING
        ? new Order(id, customerId, paymentMethod, lines, OrderState.REJECTED, rejectionReason, total) : this;
  }
}
