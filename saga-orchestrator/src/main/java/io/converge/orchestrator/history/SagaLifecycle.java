package io.converge.orchestrator.history;

/** What a saga reports about itself as it starts and ends; called inside the transaction that made the change. */
public interface SagaLifecycle {

  void started(String sagaId, String sagaType, String orderId, java.time.Duration deadline);

  void completed(String sagaId);

  void compensated(String sagaId, String reason);

  void failed(String sagaId);

  /** For sagas run without a store (unit tests). */
  SagaLifecycle IGNORED = new SagaLifecycle() {
    @Override
    public void started(String sagaId, String sagaType, String orderId, java.time.Duration deadline) {
    }

    @Override
    public void completed(String sagaId) {
    }

    @Override
    public void compensated(String sagaId, String reason) {
    }

    @Override
    public void failed(String sagaId) {
    }
  };
}
