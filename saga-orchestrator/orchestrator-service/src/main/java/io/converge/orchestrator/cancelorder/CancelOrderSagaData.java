package io.converge.orchestrator.cancelorder;

/**
 * What the cancel-order saga remembers: the order, the id of this cancellation (its saga's id: the order's lock is
 * held in its name), and why it did not happen when it did not. Mutable because Eventuate's DSL hands reply handlers
 * the data.
 */
public class CancelOrderSagaData {

  private String orderId;
  private String cancellationId;
  private String notCancelledBecause;

  CancelOrderSagaData() {
    // for JSON
  }

  public CancelOrderSagaData(String orderId) {
    this.orderId = orderId;
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

  void identifiedAs(String sagaId) {
    this.cancellationId = sagaId;
  }

  void notCancelledBecause(String reason) {
    this.notCancelledBecause = reason;
  }
}
