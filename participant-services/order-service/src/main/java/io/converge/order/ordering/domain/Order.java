package io.converge.order.ordering.domain;

import io.converge.contracts.OrderLine;
import io.converge.contracts.RejectionReason;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * An order as the sagas drive it: PENDING until every other service has done its part, then APPROVED, or REJECTED
 * with the reason. An APPROVED order can be cancelled: CANCELLATION_PENDING (a semantic lock, held by one
 * cancellation) until the cancellation is confirmed (CANCELLED) or undone (APPROVED again). REJECTED and CANCELLED are
 * final; repeating a transition into the state it is already in changes nothing.
 *
 * @param cancellationId the cancellation that holds or held the order, when there was one
 * @param version 1 when created, one more with each change: what its published events are ordered by
 */
public record Order(String id, String customerId, String paymentMethod, List<OrderLine> lines, OrderState state,
                    RejectionReason reason, BigDecimal total, String cancellationId, long version) {

  public static Order pending(String id, String customerId, String paymentMethod, List<OrderLine> lines) {
    return new Order(id, customerId, paymentMethod, List.copyOf(lines), OrderState.PENDING, null, null, null, 1);
  }

  /** What a rejection leaves when it arrives before the order was created: the order can never start afterwards. */
  public static Order rejectedBeforeCreated(String id, RejectionReason reason) {
    return new Order(id, null, null, List.of(), OrderState.REJECTED, reason, null, null, 1);
  }

  /** Approves a pending order; an order already decided stays as it is. */
  public Order approve(BigDecimal orderTotal) {
    return state == OrderState.PENDING ? with(OrderState.APPROVED, null, orderTotal, null) : this;
  }

  /** Rejects a pending order; an order already decided stays as it is. */
  public Order reject(RejectionReason rejectionReason) {
    return state == OrderState.PENDING ? with(OrderState.REJECTED, rejectionReason, total, null) : this;
  }

  /** Locks an approved order for this cancellation; any other order stays as it is. */
  public Order beginCancellation(String cancellation) {
    return state == OrderState.APPROVED ? with(OrderState.CANCELLATION_PENDING, null, total, cancellation) : this;
  }

  /** Releases this cancellation's lock: the order is APPROVED again. Any other order stays as it is. */
  public Order undoCancellation(String cancellation) {
    return heldBy(cancellation) ? with(OrderState.APPROVED, null, total, null) : this;
  }

  /** Ends this cancellation: the order is CANCELLED. Any other order stays as it is. */
  public Order confirmCancellation(String cancellation) {
    return heldBy(cancellation) ? with(OrderState.CANCELLED, null, total, cancellation) : this;
  }

  /** Whether this cancellation holds the order (or, once it is cancelled, held it). */
  public boolean cancelledBy(String cancellation) {
    return Objects.equals(cancellationId, cancellation)
        && (state == OrderState.CANCELLATION_PENDING || state == OrderState.CANCELLED);
  }

  private boolean heldBy(String cancellation) {
    return state == OrderState.CANCELLATION_PENDING && Objects.equals(cancellationId, cancellation);
  }

  private Order with(OrderState newState, RejectionReason newReason, BigDecimal newTotal, String cancellation) {
    return new Order(id, customerId, paymentMethod, lines, newState, newReason, newTotal, cancellation, version + 1);
  }
}
