package io.converge.inventory.stock;

import io.converge.inventory.stock.domain.Product;
import io.converge.service.web.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
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
@RequestMapping("/api/products")
class ProductController {

  private final Stock stock;

  ProductController(Stock stock) {
    this.stock = stock;
  }

  /** @param price at most 11 whole digits: an order of 100 lines of 10,000 still totals within DECIMAL(19, 2) */
  record NewProduct(@NotBlank @Size(max = 200) String name,
                    @NotNull @DecimalMin("0") @Digits(integer = 11, fraction = 2) BigDecimal price,
                    @NotNull @Min(0) Integer onHand) {
  }

  record ProductView(String sku, String name, BigDecimal price, int onHand, int reserved, int available) {
    static ProductView of(Product p) {
      return new ProductView(p.sku(), p.name(), p.price(), p.onHand(), p.reserved(), p.available());
    }
  }

  @PostMapping(path = "/{sku}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ProductView create(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String sku,
      @Valid @RequestBody NewProduct body) {
    return ProductView.of(stock.create(new Product(sku, body.name(), body.price(), body.onHand(), 0)));
  }

  @GetMapping("/{sku}")
  ProductView get(@PathVariable String sku) {
    return ProductView.of(stock.product(sku));
  }
}
