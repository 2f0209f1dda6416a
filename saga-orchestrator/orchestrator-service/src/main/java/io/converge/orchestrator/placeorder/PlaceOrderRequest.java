package io.converge.orchestrator.placeorder;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /api/orders}. */
record PlaceOrderRequest(
    @NotBlank @Size(max = 64) String customerId,
    @NotEmpty @Size(max = PlaceOrderRequest.MAX_LINES) List<@NotNull @Valid Line> lines,
    @NotBlank @Size(max = 64) String paymentMethod) {

  static final int MAX_LINES = 100;

  record Line(@NotBlank @Size(max = 64) String sku, @NotNull @Min(1) @Max(10_000) Integer quantity) {
  }
}
