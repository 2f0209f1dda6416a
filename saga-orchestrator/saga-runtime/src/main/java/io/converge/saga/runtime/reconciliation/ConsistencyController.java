package io.converge.saga.runtime.reconciliation;

import io.converge.service.web.NotFoundException;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/consistency}: the sweep's report (how far it has come, its last findings, every finding so far by
 * invariant and action; the metrics follow it).
 * {@code POST /api/consistency/checks?window=PT1H&maxSagas=5000}: starts an ad-hoc check in the background (202,
 * Location of the check; one runs at a time, a second request gets the running one);
 * {@code GET /api/consistency/checks/{id}}: the check, with its report once DONE.
 */
@RestController
@RequestMapping("/api/consistency")
@EnableConfigurationProperties(ReconcilerProperties.class)
class ConsistencyController {

  private final ConsistencySweep sweep;
  private final ConsistencyChecks checks;

  ConsistencyController(ConsistencySweep sweep, ConsistencyChecks checks) {
    this.sweep = sweep;
    this.checks = checks;
  }

  @GetMapping
  ConsistencyReport last() {
    return sweep.lastReport();
  }

  @PostMapping("/checks")
  ResponseEntity<ConsistencyChecks.Check> start(@RequestParam(required = false) Integer maxSagas,
                                                @RequestParam(required = false) Duration window) {
    if (window != null && (window.isNegative() || window.isZero() || window.compareTo(Duration.ofDays(31)) > 0)) {
      throw new IllegalArgumentException("window must be a positive duration of at most 31 days, such as PT30M");
    }
    ConsistencyChecks.Check check = checks.start(window == null ? Duration.ofHours(1) : window,
        maxSagas == null ? 1000 : Math.max(1, Math.min(maxSagas, 100_000)));
    return ResponseEntity.accepted().location(URI.create("/api/consistency/checks/" + check.checkId())).body(check);
  }

  @GetMapping("/checks/{checkId}")
  ConsistencyChecks.Check check(@PathVariable String checkId) {
    return checks.find(checkId).orElseThrow(() -> new NotFoundException("No consistency check " + checkId));
  }
}
