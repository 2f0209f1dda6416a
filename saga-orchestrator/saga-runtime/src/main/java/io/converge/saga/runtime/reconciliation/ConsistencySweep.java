package io.converge.saga.runtime.reconciliation;

import io.converge.service.scheduling.PeriodicTask;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Sweeps every saga that ended since its persisted checkpoint (however many ended since: none is skipped, a restart
 * resumes where it stopped), compares what it decided with what every participant holds (each saga type's
 * {@link SagaInvariants}), repairs what is safe to repair, checks each repair again once it had time to land, and
 * parks the rest for a person with the facts. Also releases what a participant holds for a business object that does
 * not exist, and reports sagas not terminal past their deadline.
 */
@Component
public class ConsistencySweep extends PeriodicTask {

  static final String CHECKPOINT = "sweep";
  private static final String ORPHANS = "orphans";
  private static final Logger log = LoggerFactory.getLogger(ConsistencySweep.class);

  private final JdbcTemplate jdbc;
  private final SagaChecks checks;
  private final Remedies remedies;
  private final ReconcilerProperties properties;
  private volatile ConsistencyReport last;

  ConsistencySweep(JdbcTemplate jdbc, SagaChecks checks, Remedies remedies, ReconcilerProperties properties,
                   MeterRegistry registry) {
    super("consistency-sweep", properties.interval());
    this.jdbc = jdbc;
    this.checks = checks;
    this.remedies = remedies;
    this.properties = properties;
    Gauge.builder("converge.reconciler.sweep.lag", this, sweep -> sweep.lagSeconds())
        .description("Seconds between the newest settled saga's end and the sweep's checkpoint").baseUnit("seconds")
        .register(registry);
    Gauge.builder("converge.reconciler.running_past_deadline", this,
            sweep -> sweep.last == null ? 0 : sweep.last.runningPastDeadline().size())
        .description("Sagas not terminal past their deadline, at the last sweep").register(registry);
  }

  public ConsistencyReport lastReport() {
    ConsistencyReport report = last;
    return report != null ? report : new ConsistencyReport(null, sweptUpTo(), lagSeconds(), 0, List.of(), List.of(),
        totals());
  }

  /** One sweep: repairs checked again, then newly ended sagas in batches until none is left, then orphans. */
  synchronized ConsistencyReport sweep() {
    ensureCheckpoints();
    List<ConsistencyReport.Violation> found = new ArrayList<>();
    int checked = recheckRepairs(found);
    List<EndedSaga> batch;
    do {
      batch = checks.endedAfterCheckpoint(CHECKPOINT, properties.settle(), properties.batch());
      checked += batch.size();
      act(batch, found);
      if (!batch.isEmpty()) {
        EndedSaga lastOne = batch.get(batch.size() - 1);
        jdbc.update("UPDATE reconciler_checkpoint SET ended_at = (SELECT ended_at FROM saga_summary "
            + "WHERE saga_id = ?), saga_id = ? WHERE name = ?", lastOne.sagaId(), lastOne.sagaId(), CHECKPOINT);
      }
    } while (batch.size() == properties.batch());
    checkOrphans(found);
    List<ConsistencyReport.Violation> pastDeadline = checks.runningPastDeadline(1000).stream()
        .map(f -> ConsistencyReport.Violation.of(f, Finding.Action.REPORTED)).toList();
    if (!found.isEmpty()) {
      log.warn("Reconciler: {} findings in {} sagas checked", found.size(), checked);
    }
    last = new ConsistencyReport(Instant.now(), sweptUpTo(), lagSeconds(), checked, List.copyOf(found), pastDeadline,
        totals());
    return last;
  }

  private int recheckRepairs(List<ConsistencyReport.Violation> found) {
    List<EndedSaga> sagas = remedies.repairsDue(properties.batch()).stream().map(checks::saga)
        .filter(java.util.Objects::nonNull).toList();
    Map<String, List<Finding>> bySaga = group(reportOnly(checks.check(sagas), found));
    for (EndedSaga saga : sagas) {
      List<Finding> findings = bySaga.getOrDefault(saga.sagaId(), List.of());
      if (findings.isEmpty()) {
        remedies.verified(saga.sagaId());
      } else {
        Finding.Action action = remedies.act(saga, findings);
        findings.forEach(f -> found.add(ConsistencyReport.Violation.of(f, action)));
      }
    }
    return sagas.size();
  }

  private void act(List<EndedSaga> sagas, List<ConsistencyReport.Violation> found) {
    Map<String, EndedSaga> byId = sagas.stream().collect(Collectors.toMap(EndedSaga::sagaId, s -> s));
    group(reportOnly(checks.check(sagas), found)).forEach((sagaId, findings) -> {
      Finding.Action action = remedies.act(byId.get(sagaId), findings);
      findings.forEach(f -> found.add(ConsistencyReport.Violation.of(f, action)));
    });
  }

  private void checkOrphans(List<ConsistencyReport.Violation> found) {
    Instant since = jdbc.queryForObject("SELECT ended_at FROM reconciler_checkpoint WHERE name = ?",
        java.sql.Timestamp.class, ORPHANS).toInstant();
    // Overlap the last run a little: a holding changed while it ran is looked at again, never missed.
    Instant now = Instant.now();
    for (Finding orphan : checks.orphans(since.minus(properties.interval()), properties.batch())) {
      remedies.repairOrphan(orphan);
      found.add(ConsistencyReport.Violation.of(orphan, Finding.Action.REPAIRED));
    }
    jdbc.update("UPDATE reconciler_checkpoint SET ended_at = ? WHERE name = ?", java.sql.Timestamp.from(now),
        ORPHANS);
  }

  /** Records the findings that are only reported; returns the others, to act on. */
  private List<Finding> reportOnly(List<Finding> findings, List<ConsistencyReport.Violation> found) {
    List<Finding> toActOn = new java.util.ArrayList<>();
    for (Finding finding : findings) {
      if (finding.reportOnly()) {
        remedies.recordFinding(finding, Finding.Action.REPORTED);
        found.add(ConsistencyReport.Violation.of(finding, Finding.Action.REPORTED));
      } else {
        toActOn.add(finding);
      }
    }
    return toActOn;
  }

  private static Map<String, List<Finding>> group(List<Finding> findings) {
    return findings.stream().collect(Collectors.groupingBy(Finding::sagaId, LinkedHashMap::new, Collectors.toList()));
  }

  private void ensureCheckpoints() {
    jdbc.update("INSERT IGNORE INTO reconciler_checkpoint (name, ended_at, saga_id) VALUES (?, '1970-01-02', '')",
        CHECKPOINT);
    jdbc.update("INSERT IGNORE INTO reconciler_checkpoint (name, ended_at, saga_id) VALUES (?, NOW(3), '')", ORPHANS);
  }

  private Instant sweptUpTo() {
    return jdbc.queryForList("SELECT ended_at FROM reconciler_checkpoint WHERE name = ?", java.sql.Timestamp.class,
        CHECKPOINT).stream().findFirst().map(java.sql.Timestamp::toInstant).orElse(null);
  }

  private long lagSeconds() {
    Long lag = jdbc.queryForObject("SELECT COALESCE(TIMESTAMPDIFF(SECOND, (SELECT ended_at FROM reconciler_checkpoint "
        + "WHERE name = ?), (SELECT MAX(ended_at) FROM saga_summary WHERE ended_at <= DATE_SUB(NOW(3), "
        + "INTERVAL ? MICROSECOND))), 0)", Long.class, CHECKPOINT, properties.settle().toNanos() / 1000);
    return lag == null ? 0 : Math.max(0, lag);
  }

  /** Every finding so far, per invariant and action. */
  private Map<String, Map<String, Long>> totals() {
    Map<String, Map<String, Long>> totals = new TreeMap<>();
    jdbc.query("SELECT invariant, action, COUNT(*) FROM reconciler_findings GROUP BY invariant, action", rs -> {
      totals.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
    });
    return totals;
  }

  @Override
  protected boolean enabled() {
    return properties.enabled();
  }

  @Override
  protected void runOnce() {
    sweep();
  }
}
