package io.converge.orchestrator.reconciler;

import java.time.Instant;
import java.util.List;

/** One run of the reconciler. */
public record ConsistencyReport(Instant checkedAt, int sagasChecked, List<Violation> violations) {
}
