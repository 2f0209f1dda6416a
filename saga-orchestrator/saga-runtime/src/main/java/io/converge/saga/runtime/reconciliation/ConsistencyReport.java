package io.converge.saga.runtime.reconciliation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The reconciler's account: how far its sweep has come, what the last sweep found, and every finding since the
 * database was created, per invariant and by what was done (REPAIRED, PARKED, REPORTED).
 *
 * @param sweptUpTo         every saga that ended up to this instant has been checked
 * @param sweepLagSeconds   how far behind the newest settled saga the sweep is
 * @param lastSweep         the findings of the last sweep
 * @param totals            invariant → action → count, over all sweeps
 */
public record ConsistencyReport(Instant checkedAt, Instant sweptUpTo, long sweepLagSeconds, int sagasChecked,
                                List<Violation> lastSweep, List<Violation> runningPastDeadline,
                                Map<String, Map<String, Long>> totals) {

  /** One finding, as the report shows it. */
  public record Violation(String sagaId, String businessKey, String invariant, String detail, String action) {

    static Violation of(Finding finding, Finding.Action action) {
      return new Violation(finding.sagaId(), finding.businessKey(), finding.invariant(), finding.detail(),
          action.name());
    }
  }
}
