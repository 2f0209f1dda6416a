package io.converge.orderhistory.projection;

import io.converge.service.web.ConflictException;
import io.converge.service.web.NotFoundException;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** An operator rebuilds the read model from the event log; queries keep answering from the live version meanwhile. */
@RestController
@RequestMapping("/api/order-history/rebuilds")
class RebuildController {

  private final ModelRebuilds rebuilds;

  RebuildController(ModelRebuilds rebuilds) {
    this.rebuilds = rebuilds;
  }

  /**
   * 202 with the rebuild's location; 409 while another one runs. The rebuilt version replaces the live one only when
   * they are equal, unless {@code acceptDifferences} (after a fix to the projection, or to repair a drifted model).
   */
  @PostMapping
  ResponseEntity<RebuildReport> start(@RequestParam(defaultValue = "false") boolean acceptDifferences) {
    RebuildReport report;
    try {
      report = rebuilds.start(acceptDifferences);
    } catch (IllegalStateException running) {
      throw new ConflictException(running.getMessage());
    }
    return ResponseEntity.accepted().location(URI.create("/api/order-history/rebuilds/" + report.version()))
        .body(report);
  }

  @GetMapping("/{version}")
  RebuildReport report(@PathVariable int version) {
    return rebuilds.report(version).orElseThrow(() -> new NotFoundException("No rebuild of version " + version
        + " since this instance started"));
  }
}
