package io.converge.orchestrator.cancelorder;

/**
 * What the cancel-order saga remembers: the order, the id of this cancellation (the order's lock is held in its
 * name), and why it did not happen when it did not. Mutable because Eventuate's DSL hands reply handlers the data.
 */
public class CancelOrderSagaData {

  private String orderId;
  private String cancellationId;
  private String notCancelledBecause;

  CancelOrderSagaData() {
    // for JSON
  }

  public CancelOrderSagaData(String orderId, String cancellationId) {
    this.orderId = orderId;
    this.cancellationId = cancellationId;
  }

  public String getOrderId() {
    return orderId;
  }

  public String getCancellationId() {
    return cancellationId;
  }

  public String getNotCancelledBecause() {
    return notCancelledBecause;
  }

  void notCancelledBecause(String reason) {
    this.notCancelledBecause = reason;
  }
}
