package io.converge.customer.credit;

import io.converge.customer.credit.domain.Customer;
import io.converge.service.web.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
                     @NotNull @DecimalMin("0") BigDecimal creditLimit) {
  }

  /** Creates the customer; the same values again are accepted, other values for an existing id are a 409. */
  @PostMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  CustomerView create(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String id,
      @Valid @RequestBody NewCustomer body) {
    credit.create(Customer.create(id, body.name(), body.creditLimit()));
    return credit.view(id);
  }

  @GetMapping("/{id}")
  CustomerView get(@PathVariable String id) {
    return credit.view(id);
  }
}
