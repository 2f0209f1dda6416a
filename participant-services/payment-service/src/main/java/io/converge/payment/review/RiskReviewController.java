package io.converge.payment.review;

import io.converge.payment.review.domain.RiskReview;
import io.converge.service.web.Ids;
import io.converge.service.web.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Where a person finds the orders waiting for a risk review and decides them. */
@RestController
@RequestMapping("/api/reviews")
class RiskReviewController {

  private final RiskReviews reviews;

  RiskReviewController(RiskReviews reviews) {
    this.reviews = reviews;
  }

  record ReviewDecision(@NotNull RiskReview.Decision decision,
                        @NotBlank @Size(max = 1000) String comment,
                        @NotNull @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String reviewer) {
  }

  /** Reviews in a state (default: those waiting for a person), oldest request first, at most {@code limit}. */
  @GetMapping(params = "!orderIds")
  List<RiskReview> list(@RequestParam(defaultValue = "PENDING") RiskReview.State state,
                        @RequestParam(defaultValue = "100") int limit) {
    return reviews.inState(state, Math.max(1, Math.min(limit, 1000)));
  }

  /** The reviews of these orders (at most 200 ids), as of their last change: the reconciler's batch read. */
  @GetMapping(params = "orderIds")
  List<ReviewChange> ofOrders(@RequestParam @Size(max = 200) List<@Size(max = 64) String> orderIds) {
    return reviews.ofOrders(orderIds);
  }

  @GetMapping("/{orderId}")
  RiskReview get(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String orderId) {
    return reviews.find(orderId).orElseThrow(() -> new NotFoundException("No risk review for order " + orderId));
  }

  /**
   * Approves or rejects the order's risk, with a comment: the order's saga goes on at once. 409 when the review was
   * decided otherwise, withdrawn, or its deadline passed.
   */
  @PostMapping(path = "/{orderId}", consumes = MediaType.APPLICATION_JSON_VALUE)
  RiskReview decide(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.MESSAGE) String orderId,
                    @Valid @RequestBody ReviewDecision body) {
    return reviews.decide(orderId, body.decision(), body.reviewer(), body.comment());
  }
}
