package io.converge.customer.credit;

import io.converge.service.web.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers")
class CustomerController {

  private final CustomerCredit credit;

  CustomerController(CustomerCredit credit) {
    this.credit = credit;
  }

  record NewCustomer(@NotBlank @Size(max = 200) String name,
                     @NotNull @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal creditLimit) {
  }

  /** Creates the customer; the same values again are accepted, other values for an existing id are a 409. */
  @PostMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  CustomerView create(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
      @Valid @RequestBody NewCustomer body) {
    return credit.open(id, body.name(), body.creditLimit());
  }

  record NewCreditLimit(@NotNull @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal creditLimit) {
  }

  /**
   * Sets the customer's credit limit (an operator's act). A limit below what is held keeps what is held and reserves
   * nothing more until enough is released.
   */
  @PutMapping(path = "/{id}/credit-limit", consumes = MediaType.APPLICATION_JSON_VALUE)
  CustomerView changeLimit(@PathVariable String id, @Valid @RequestBody NewCreditLimit body) {
    return credit.changeLimit(id, body.creditLimit());
  }

  @GetMapping("/{id}")
  CustomerView get(@PathVariable String id) {
    return credit.view(id);
  }
}
