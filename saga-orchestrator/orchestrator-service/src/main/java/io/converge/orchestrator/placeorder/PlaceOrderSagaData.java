package io.converge.orchestrator.placeorder;

import io.converge.contracts.OrderLine;
import io.converge.contracts.RejectionReason;
import java.math.BigDecimal;
import java.util.List;

/**
 * What the place-order saga remembers between steps: ids and small values only. Mutable because Eventuate's DSL
 * hands reply handlers the data to update.
 */
public class PlaceOrderSagaData {

  private String orderId;
  private String customerId;
  private List<OrderLine> lines;
  private String paymentMethod;
  private BigDecimal total;
  private RejectionReason rejectionReason;
  private boolean reviewRequired;

  PlaceOrderSagaData() {
    // for JSON
  }

  public PlaceOrderSagaData(String orderId, String customerId, List<OrderLine> lines, String paymentMethod) {
    this.orderId = orderId;
    this.customerId = customerId;
    this.lines = List.copyOf(lines);
    this.paymentMethod = paymentMethod;
  }

  public String getOrderId() {
    return orderId;
  }

  public String getCustomerId() {
    return customerId;
  }

  public List<OrderLine> getLines() {
    return lines;
  }

  public String getPaymentMethod() {
    return paymentMethod;
  }

  public BigDecimal getTotal() {
    return total;
  }

  public RejectionReason getRejectionReason() {
    return rejectionReason;
  }

  /** Whether a person reviews the order's risk: decided once, when it is priced, so that the undo agrees. */
  public boolean isReviewRequired() {
    return reviewRequired;
  }

  void priced(BigDecimal orderTotal, boolean needsReview) {
    this.total = orderTotal;
    this.reviewRequired = needsReview;
  }

  void rejectedBecause(RejectionReason reason) {
    this.rejectionReason = reason;
  }
}
