package io.converge.orchestrator.placeorder;

import io.converge.service.web.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code POST /api/orders}. */
record PlaceOrderRequest(
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String customerId,
    @NotEmpty @Size(max = PlaceOrderRequest.MAX_LINES) List<@NotNull @Valid Line> lines,
    @NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String paymentMethod) {

  static final int MAX_LINES = 100;

  record Line(@NotBlank @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String sku,
              @NotNull @Min(1) @Max(10_000) Integer quantity) {
  }
}
