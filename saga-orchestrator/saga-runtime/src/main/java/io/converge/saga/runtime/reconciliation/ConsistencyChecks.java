package io.converge.saga.runtime.reconciliation;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.stereotype.Component;

/**
 * Ad-hoc consistency checks over a window an operator chooses, run one at a time in the background: a request starts
 * one (or is told of the one running) and returns at once; the report is read when it is done. They report only: the
 * sweep is what repairs and parks.
 */
@Component
class ConsistencyChecks {

  private static final int KEPT = 20;

  /** One ad-hoc check; {@code report} is null until it is DONE, {@code error} set when it FAILED. */
  record Check(String checkId, String state, Duration window, int maxSagas, Instant startedAt, Instant finishedAt,
               Integer sagasChecked, List<ConsistencyReport.Violation> violations, String error) {
  }

  private final SagaChecks checks;
  private final ReconcilerProperties properties;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "consistency-check");
    thread.setDaemon(true);
    return thread;
  });
  private final Map<String, Check> recent = new LinkedHashMap<>();

  ConsistencyChecks(SagaChecks checks, ReconcilerProperties properties) {
    this.checks = checks;
    this.properties = properties;
  }

  /** Starts a check, or returns the one still running (one at a time: a check can read many thousands of sagas). */
  synchronized Check start(Duration window, int maxSagas) {
    Optional<Check> running = recent.values().stream().filter(c -> c.state().equals("RUNNING")).findFirst();
    if (running.isPresent()) {
      return running.get();
    }
    Check check = new Check(UUID.randomUUID().toString(), "RUNNING", window, maxSagas, Instant.now(), null, null,
        null, null);
    keep(check);
    worker.execute(() -> run(check));
    return check;
  }

  synchronized Optional<Check> find(String checkId) {
    return Optional.ofNullable(recent.get(checkId));
  }

  private void run(Check check) {
    try {
      List<EndedSaga> sagas = checks.endedWithin(check.window(), properties.settle(), check.maxSagas());
      List<Finding> findings = new ArrayList<>(checks.check(sagas));
      findings.addAll(checks.runningPastDeadline(check.maxSagas()));
      findings.addAll(checks.orphans(check.startedAt().minus(check.window()), Math.min(check.maxSagas(), 1000)));
      done(new Check(check.checkId(), "DONE", check.window(), check.maxSagas(), check.startedAt(), Instant.now(),
          sagas.size(), findings.stream().map(f -> ConsistencyReport.Violation.of(f, Finding.Action.REPORTED))
          .toList(), null));
    } catch (RuntimeException e) {
      done(new Check(check.checkId(), "FAILED", check.window(), check.maxSagas(), check.startedAt(), Instant.now(),
          null, null, e.toString()));
    }
  }

  private synchronized void done(Check check) {
    recent.put(check.checkId(), check);
  }

  private void keep(Check check) {
    recent.put(check.checkId(), check);
    while (recent.size() > KEPT) {
      recent.remove(recent.keySet().iterator().next());
    }
  }

  @PreDestroy
  void stop() {
    worker.shutdownNow();
  }
}
