package io.converge.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** One row of the fault table: what was counted for one scenario. */
record FaultRow(String scenario, int started, long inFlight, long lost, long pastDeadline, long doubleEffects,
                List<String> violations, long deadLetters) {

  static final String HEADER = "| scenario | sagas started | in flight when the fault hit | lost (not terminal) "
      + "| terminal after deadline | double effects | reconciler violations at end | dead letters |\n"
      + "|---|---|---|---|---|---|---|---|";

  /** Counts everything about the batch once its sagas have ended (or could not). */
  static FaultRow measure(String scenario, SagaBatch batch, long inFlight, long deadLettersBefore)
      throws InterruptedException {
    long lost = batch.lost();
    long late = batch.pastDeadline();
    List<String> violations = batch.settledViolations();
    return new FaultRow(scenario, batch.sagaIds().size(), inFlight, lost, late, batch.doubleEffects(), violations,
        SagaBatch.deadLetters() - deadLettersBefore);
  }

  String markdown() {
    return String.format("| %s | %d | %d | %d | %d | %d | %d | %d |", scenario, started, inFlight, lost, pastDeadline,
        doubleEffects, violations.size(), deadLetters);
  }

  /** The target of every row: nothing lost, late, doubled or inconsistent; dead letters only where garbage was sent. */
  void assertOnTarget(boolean garbageSent) {
    assertThat(lost).as("lost").isZero();
    assertThat(pastDeadline).as("past deadline").isZero();
    assertThat(doubleEffects).as("double effects").isZero();
    assertThat(violations).as("reconciler violations").isEmpty();
    if (!garbageSent) {
      assertThat(deadLetters).as("dead letters").isZero();
    }
  }
}
