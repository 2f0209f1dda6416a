package io.converge.orchestrator.cancelorder;

import io.converge.orchestrator.participants.ParticipantReads;
import io.converge.saga.runtime.admission.Admission;
import io.converge.service.web.ConflictException;
import io.converge.service.web.NotFoundException;
import io.eventuate.tram.sagas.orchestration.SagaInstance;
import io.eventuate.tram.sagas.orchestration.SagaInstanceFactory;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts the one cancellation of an order: asked again, it answers with the first saga. Only an APPROVED order can be
 * cancelled; order-service is asked first, so that an unknown or rejected order is a clear 404/409 now rather than a
 * saga that compensates (the saga's lock step checks again, since the order may change in between).
 */
@Service
class CancelOrders {

  private final SagaInstanceFactory sagaInstanceFactory;
  private final CancelOrderSaga saga;
  private final ParticipantReads participants;
  private final JdbcTemplate jdbc;

  CancelOrders(SagaInstanceFactory sagaInstanceFactory, CancelOrderSaga saga, ParticipantReads participants,
               JdbcTemplate jdbc) {
    this.sagaInstanceFactory = sagaInstanceFactory;
    this.saga = saga;
    this.participants = participants;
    this.jdbc = jdbc;
  }

  /** The cancellation already started for this order, if any. */
  Optional<CancellationResponse> existing(String orderId) {
    return jdbc.query("SELECT saga_id FROM order_cancellations WHERE order_id = ?",
        (rs, row) -> new CancellationResponse(rs.getString(1), orderId, "STARTED"), orderId).stream().findFirst();
  }

  /** Checks the order at order-service: it exists and is APPROVED (else 404 or 409, and nothing is stored). */
  void checkCancellable(String orderId) {
    String state = participants.orderStates(List.of(orderId)).get(orderId);
    if (state == null) {
      throw new NotFoundException("No order " + orderId);
    }
    if (!state.equals("APPROVED")) {
      throw new ConflictException("Order " + orderId + " is " + state + ": only an APPROVED order can be cancelled");
    }
  }

  /**
   * Starts the cancellation, its record and its first command in one transaction; a concurrent second request for
   * the same order fails on the order's key and is answered with the first saga by the caller.
   */
  @Transactional
  CancellationResponse start(String orderId, Admission.Permit permit) {
    SagaInstance instance = sagaInstanceFactory.create(saga,
        new CancelOrderSagaData(orderId, CancelOrderSaga.cancellationIdOf(orderId)));
    jdbc.update("INSERT INTO order_cancellations (order_id, saga_id) VALUES (?, ?)", orderId, instance.getId());
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        permit.heldBy(instance.getId());
      }
    });
    return new CancellationResponse(instance.getId(), orderId, "RUNNING");
  }
}
