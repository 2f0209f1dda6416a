package io.converge.orchestrator.cancelorder;

import io.converge.saga.runtime.admission.Admission;
import io.converge.saga.runtime.state.SagaState;
import io.converge.service.web.ConflictException;
import io.converge.service.web.Ids;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/orders/{orderId}/cancellation}: 202 with the saga that cancels the order (the same saga however
 * often asked, unless it ended without cancelling: then a new one); 404 for an unknown order, 409 for one that is not
 * APPROVED. The outcome is at the Location.
 */
@RestController
@RequestMapping("/api/orders")
class CancelOrderController {

  private final CancelOrders cancelOrders;
  private final Admission admission;

  CancelOrderController(CancelOrders cancelOrders, Admission admission) {
    this.cancelOrders = cancelOrders;
    this.admission = admission;
  }

  @PostMapping("/{orderId}/cancellation")
  ResponseEntity<CancellationResponse> cancel(
      @PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String orderId) {
    Optional<CancellationResponse> existing = cancelOrders.existing(orderId);
    if (existing.isPresent() && !existing.get().state().equals(SagaState.COMPENSATED.name())) {
      return accepted(existing.get());
    }
    try {
      cancelOrders.checkCancellable(orderId);
    } catch (ConflictException lockedMeanwhile) {
      // Another request's cancellation may have locked the order since: answer with it.
      return accepted(cancelOrders.existing(orderId).filter(other -> !other.equals(existing.orElse(null)))
          .orElseThrow(() -> lockedMeanwhile));
    }
    Admission.Permit permit = admission.admit();
    try {
      return accepted(cancelOrders.start(orderId, existing.map(CancellationResponse::sagaId), permit));
    } catch (DuplicateKeyException startedMeanwhile) {
      return accepted(cancelOrders.existing(orderId).orElseThrow(() -> startedMeanwhile));
    } finally {
      permit.release();
    }
  }

  private static ResponseEntity<CancellationResponse> accepted(CancellationResponse response) {
    return ResponseEntity.accepted().location(URI.create("/api/sagas/" + response.sagaId())).body(response);
  }
}
