package io.converge.orchestrator.reconciler;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/consistency}: the last check's report; {@code POST /api/consistency/check}: check now. */
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
  ConsistencyReport checkNow() {
    return reconciler.check();
  }
}
