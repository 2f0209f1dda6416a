package io.converge.orchestrator.cancelorder;

import io.converge.orchestrator.participants.ParticipantReads;
import io.converge.saga.runtime.admission.Admission;
import io.converge.service.web.ConflictException;
import io.converge.service.web.NotFoundException;
import io.eventuate.tram.sagas.orchestration.SagaInstance;
import io.eventuate.tram.sagas.orchestration.SagaInstanceFactory;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.web.client.RestClientException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts the cancellation of an order: asked again, it answers with the saga already cancelling it (or done with it);
 * only one that ended without cancelling (COMPENSATED: the order could not be locked in time) is followed by a new
 * one. Only an APPROVED order can be cancelled; order-service is asked first, so that an unknown or rejected order is
 * a clear 404/409 now rather than a saga that compensates (the saga's lock step checks again, since the order may
 * change in between).
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

  /** The latest cancellation started for this order, if any, with its saga's state. */
  Optional<CancellationResponse> existing(String orderId) {
    return jdbc.query("SELECT c.saga_id, s.state FROM order_cancellations c "
            + "JOIN saga_summary s ON s.saga_id = c.saga_id WHERE c.order_id = ?",
        (rs, row) -> new CancellationResponse(rs.getString(1), orderId, rs.getString(2)), orderId).stream()
        .findFirst();
  }

  /**
   * Checks the order at order-service: it exists and is APPROVED (else 404 or 409, and nothing is stored). When
   * order-service cannot answer now, the cancellation is accepted all the same: its first step checks the order again,
   * and is undone in bounded time if it cannot lock it.
   */
  void checkCancellable(String orderId) {
    String state;
    try {
      state = participants.orderStates(List.of(orderId)).get(orderId);
    } catch (RestClientException unavailable) {
      return;
    }
    if (state == null) {
      throw new NotFoundException("No order " + orderId);
    }
    if (!state.equals("APPROVED")) {
      throw new ConflictException("Order " + orderId + " is " + state + ": only an APPROVED order can be cancelled");
    }
  }

  /**
   * Starts the cancellation, its record and its first command in one transaction, after {@code previous} (a
   * cancellation that ended without cancelling) or as the first. A concurrent request for the same order fails on the
   * order's key (or finds the record moved on) and is answered with the other saga by the caller.
   */
  @Transactional
  CancellationResponse start(String orderId, Optional<String> previous, Admission.Permit permit) {
    SagaInstance instance = sagaInstanceFactory.create(saga, new CancelOrderSagaData(orderId));
    if (previous.isEmpty()) {
      jdbc.update("INSERT INTO order_cancellations (order_id, saga_id) VALUES (?, ?)", orderId, instance.getId());
    } else if (jdbc.update("UPDATE order_cancellations SET saga_id = ? WHERE order_id = ? AND saga_id = ?",
        instance.getId(), orderId, previous.get()) == 0) {
      throw new DuplicateKeyException("Another cancellation of order " + orderId + " started meanwhile");
    }
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        permit.heldBy(instance.getId());
      }
    });
    return new CancellationResponse(instance.getId(), orderId, "RUNNING");
  }
}
