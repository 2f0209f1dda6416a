package io.converge.customer.credit;

import io.converge.customer.CustomerServiceApplication;
import io.converge.customer.credit.domain.CreditAccount;
import io.converge.devinfra.ServiceUnderTest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Measures the event-sourced credit account on the real database; prints the figures and writes them to
 * {@code target/credit-ledger-benchmark.md}. Asserts nothing and is not part of the build's tests: run it with
 * {@code ./mvnw -o verify -pl participant-services/customer-service -Dtest=CreditLedgerBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}.
 */
class CreditLedgerBenchmark {

  private static final int SNAPSHOT_EVERY = 100;
  private static final int LONG_STREAM = 10_000;

  @RegisterExtension
  static final ServiceUnderTest service = new ServiceUnderTest(CustomerServiceApplication::application,
      "bench_credit_ledger", Map.of("converge.customer.snapshot-every", SNAPSHOT_EVERY));

  @Test
  void measure() throws Exception {
    List<String> lines = new ArrayList<>();
    lines.add("| measurement | result |");
    lines.add("|---|---|");
    warmUp();
    for (int threads : new int[] {1, 4}) {
      lines.add(appends("reserve + release, " + threads + " thread(s), one customer each", threads, false));
      lines.add(appends("reserve + release, " + threads + " thread(s), all on one customer", threads, true));
    }
    lines.addAll(loadTimes());
    String table = String.join("\n", lines);
    System.out.println("\nCredit ledger\n" + table + "\n");
    Files.writeString(Path.of("target/credit-ledger-benchmark.md"), table + "\n");
  }

  private void warmUp() throws Exception {
    appends("warm-up", 2, false);
  }

  /** Reserve then release, each its own transaction as a command handler's, for 10 s: events appended per second. */
  private String appends(String name, int threads, boolean oneCustomer) throws Exception {
    String shared = newCustomer();
    long until = System.nanoTime() + 10_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<long[]>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      results.add(pool.submit(() -> {
        String customer = oneCustomer ? shared : newCustomer();
        List<Long> micros = new ArrayList<>();
        while (System.nanoTime() < until) {
          String order = UUID.randomUUID().toString();
          long start = System.nanoTime();
          credit().reserve(order, customer, BigDecimal.ONE);
          micros.add((System.nanoTime() - start) / 1_000);
          start = System.nanoTime();
          credit().release(order);
          micros.add((System.nanoTime() - start) / 1_000);
        }
        return micros.stream().mapToLong(Long::longValue).toArray();
      }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<long[]> result : results) {
      Arrays.stream(result.get()).forEach(all::add);
    }
    pool.shutdown();
    all.sort(Long::compare);
    double perSecond = all.size() / 10.0;
    return String.format("| %s | %.0f appends/s, p50 %.1f ms, p99 %.1f ms |", name, perSecond,
        all.get(all.size() / 2) / 1000.0, all.get((int) (all.size() * 0.99)) / 1000.0);
  }

  /** An account with 10,000 events, loaded from its latest snapshot and from its events alone. */
  private List<String> loadTimes() {
    String customer = newCustomer();
    for (int i = 0; i < LONG_STREAM / 2; i++) {
      String order = customer + "-" + i;
      credit().reserve(order, customer, BigDecimal.ONE);
      credit().release(order);
    }
    double withSnapshots = averageLoadMillis(customer);
    double withoutSnapshots = averageReadAllMillis(customer);
    return List.of(
        String.format("| load an account of %,d events, snapshot every %d | %.2f ms |", LONG_STREAM + 1,
            SNAPSHOT_EVERY, withSnapshots),
        String.format("| read and deserialise all its %,d events (a load without snapshots) | %.2f ms |",
            LONG_STREAM + 1, withoutSnapshots));
  }

  /** Every event of the stream from the first, as a load would read them with no snapshot to start from. */
  private double averageReadAllMillis(String customer) {
    EventStore events = service.service().bean(EventStore.class);
    int reads = 10;
    long total = 0;
    for (int i = 0; i < reads + 2; i++) {
      long start = System.nanoTime();
      long count = events.readEvents(customer, 0).asStream().map(event -> event.getPayload()).count();
      if (count != LONG_STREAM + 1) {
        throw new IllegalStateException("read " + count + " events");
      }
      if (i >= 2) {
        total += System.nanoTime() - start;
      }
    }
    return total / 1e6 / reads;
  }

  /** Loads the account as a command handler would: from its latest snapshot, then the events after it. */
  private double averageLoadMillis(String customer) {
    @SuppressWarnings("unchecked")
    Repository<CreditAccount> accounts = service.service().bean(Repository.class);
    int loads = 20;
    long total = 0;
    for (int i = 0; i < loads + 3; i++) {
      long start = System.nanoTime();
      DefaultUnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
      accounts.load(customer).invoke(CreditAccount::available);
      unit.rollback();
      if (i >= 3) {
        total += System.nanoTime() - start;
      }
    }
    return total / 1e6 / loads;
  }

  private static String newCustomer() {
    String id = "bench-" + UUID.randomUUID();
    credit().open(id, "Bench", new BigDecimal("1000000000"));
    return id;
  }

  private static CustomerCredit credit() {
    return service.service().bean(CustomerCredit.class);
  }

  static {
    try {
      Files.createDirectories(Path.of("target"));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
