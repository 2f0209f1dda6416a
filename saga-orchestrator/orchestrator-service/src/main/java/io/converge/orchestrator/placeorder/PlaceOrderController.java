package io.converge.orchestrator.placeorder;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Optional;
import io.converge.saga.runtime.admission.Admission;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/orders")
class PlaceOrderController {

  private final PlaceOrders placeOrders;
  private final Admission admission;

  PlaceOrderController(PlaceOrders placeOrders, Admission admission) {
    this.placeOrders = placeOrders;
    this.admission = admission;
  }

  /** Accepts the order and starts its saga; the outcome is at the Location (long-poll it with {@code ?wait=5s}). */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<PlaceOrderResponse> place(@Valid @RequestBody PlaceOrderRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) @Size(min = 1, max = 200) String idempotencyKey) {
    Admission.Permit permit = admission.admit();
    PlaceOrderResponse response;
    try {
      response = placeOrders.place(request, Optional.ofNullable(idempotencyKey), permit);
    } finally {
      permit.release();
    }
    return ResponseEntity.accepted().location(URI.create("/api/sagas/" + response.sagaId())).body(response);
  }
}
