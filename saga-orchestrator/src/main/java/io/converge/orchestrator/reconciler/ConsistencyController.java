package io.converge.orchestrator.reconciler;

import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/consistency}: the last periodic check's report (the metrics follow it);
 * {@code POST /api/consistency/check}: check now and return the report,
 * optionally over more sagas ({@code maxSagas}, up to 100000) or a longer window (ISO-8601, {@code window=PT1H})
 * than the periodic check covers.
 */
@RestController
@RequestMapping("/api/consistency")
@EnableConfigurationProperties(ReconcilerProperties.class)
class ConsistencyController {

  private final ConsistencyReconciler reconciler;

  ConsistencyController(ConsistencyReconciler reconciler) {
    this.reconciler = reconciler;
  }

  @GetMapping
  ConsistencyReport last() {
    return reconciler.lastReport();
  }

  @PostMapping("/check")
  ConsistencyReport checkNow(@RequestParam(required = false) Integer maxSagas,
                             @RequestParam(required = false) Duration window) {
    if (window != null && (window.isNegative() || window.isZero())) {
      throw new IllegalArgumentException("window must be a positive duration, such as PT30M");
    }
    return reconciler.check(maxSagas == null ? null : Math.max(1, Math.min(maxSagas, 100_000)), window);
  }
}
