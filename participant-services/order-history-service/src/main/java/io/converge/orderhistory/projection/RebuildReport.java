package io.converge.orderhistory.projection;

import java.time.Instant;
import java.util.List;

/**
 * What a rebuild of the read model did. The checksums compare the rebuilt version with the live one when both had
 * read exactly the same events (the live projection paused meanwhile), aggregate by aggregate: every order (its row
 * and its timeline) and every customer.
 *
 * @param state BUILDING, SWITCHED (the rebuilt version is live) or FAILED (the live version stayed: the error says
 *              why, and the checksums where they differed)
 */
public record RebuildReport(int version, String state, Instant startedAt, Instant switchedAt, long eventsApplied,
                            double eventsPerSecond, Checksums checksums, String error) {

  public record Checksums(long ordersCompared, long ordersDifferent, long customersCompared,
                          long customersDifferent, List<String> differentAggregates) {
  }

  static RebuildReport building(int version, Instant startedAt) {
    return new RebuildReport(version, "BUILDING", startedAt, null, 0, 0, null, null);
  }

  RebuildReport progress(long applied, double perSecond) {
    return new RebuildReport(version, state, startedAt, switchedAt, applied, perSecond, checksums, error);
  }

  RebuildReport switched(Instant at, Checksums compared) {
    return new RebuildReport(version, "SWITCHED", startedAt, at, eventsApplied, eventsPerSecond, compared, null);
  }

  RebuildReport compared(Checksums compared) {
    return new RebuildReport(version, state, startedAt, switchedAt, eventsApplied, eventsPerSecond, compared, error);
  }

  RebuildReport failed(String why) {
    return new RebuildReport(version, "FAILED", startedAt, null, eventsApplied, eventsPerSecond, checksums, why);
  }
}
