package io.converge.saga.runtime.state;

import java.time.Duration;

/**
 * What a saga reports about itself as it starts and ends; called inside the transaction that made the change. Every
 * end names its reason.
 */
public interface SagaLifecycle {

  /**
   * @param version     the version of the saga's definition it runs on to its end
   * @param businessKey the key of the business object the saga drives (an order id, ...)
   */
  void started(String sagaId, String sagaType, int version, String businessKey, Duration deadline);

  void completed(String sagaId, String reason);

  void compensated(String sagaId, String reason);

  void failed(String sagaId);

  /** For sagas run without a store (unit tests). */
  SagaLifecycle IGNORED = new SagaLifecycle() {
    @Override
    public void started(String sagaId, String sagaType, int version, String businessKey, Duration deadline) {
    }

    @Override
    public void completed(String sagaId, String reason) {
    }

    @Override
    public void compensated(String sagaId, String reason) {
    }

    @Override
    public void failed(String sagaId) {
    }
  };
}
