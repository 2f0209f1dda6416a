package io.converge.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;

/**
 * The longer fault run: sagas arrive at a fixed rate while one fault after another hits the system (a participant
 * down past its step timeout, the broker killed, a database connection lost, the orchestrator stopped, a participant
 * held slower than its step timeout, a participant down briefly), then every saga is counted as in the fault suite.
 * CI runs it for 90 s; the longer run is the same test with other settings, for example:
 * <pre>
 * ./mvnw -B -q install -DskipTests
 * ./mvnw -B verify -pl compose/local-stack -Dit.test=MixedFaultRunIT -Dtest=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dconverge.fault-run.seconds=600 -Dconverge.fault-run.rate=20
 * </pre>
 * The row lands in target/mixed-fault-run.md.
 */
@Order(Integer.MAX_VALUE - 1)
class MixedFaultRunIT {

  private static final int SECONDS = Integer.getInteger("converge.fault-run.seconds", 90);
  private static final int RATE = Integer.getInteger("converge.fault-run.rate", 10);
  private static final int FAULT_EVERY_SECONDS = Integer.getInteger("converge.fault-run.fault-interval-seconds", 15);

  private interface Fault {
    void inject(SagaBatch batch) throws Exception;
  }

  private record NamedFault(String name, Fault fault) {
  }

  private static final List<NamedFault> FAULTS = List.of(
      new NamedFault("inventory-service down 5 s", batch -> Faults.stopFor("inventory-service", 5_000)),
      new NamedFault("Kafka broker killed, back after 3 s", batch -> Faults.killBrokerFor(3_000)),
      new NamedFault("customer-service's database connection lost 4 s",
          batch -> Faults.loseDatabaseConnectionFor("customer-service", 4_000)),
      new NamedFault("orchestrator down 2 s", batch -> Faults.stopFor("saga-orchestrator", 2_000)),
      new NamedFault("customer-service held 4 s on a row lock", batch -> Faults.holdCustomerFor(batch.customer(),
          4_000)),
      new NamedFault("payment-service down 0.8 s", batch -> Faults.stopFor("payment-service", 800)));

  @BeforeAll
  static void startSystem() {
    TestSystem.get();
  }

  @Test
  void sagasAtAFixedRateThroughOneFaultAfterAnother() throws Exception {
    SagaBatch batch = SagaBatch.open();
    long deadLettersBefore = SagaBatch.deadLetters();
    AtomicInteger placed = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    ExecutorService placing = Executors.newFixedThreadPool(16);
    ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();
    // Open loop: a saga arrives every 1/RATE s whether or not earlier ones were answered.
    arrivals.scheduleAtFixedRate(() -> placing.execute(() -> {
      try {
        batch.placeOne(placed.getAndIncrement());
      } catch (ResourceAccessException | HttpClientErrorException.TooManyRequests orchestratorDownOrBusy) {
        refused.incrementAndGet();
      }
    }), 0, 1_000_000 / RATE, TimeUnit.MICROSECONDS);

    long end = System.nanoTime() + Duration.ofSeconds(SECONDS).toNanos();
    long maxInFlight = 0;
    int faults = 0;
    try {
      Thread.sleep(3_000); // load first, then the first fault
      while (System.nanoTime() < end) {
        NamedFault next = FAULTS.get(faults++ % FAULTS.size());
        long faultStarted = System.nanoTime();
        maxInFlight = Math.max(maxInFlight, batch.inFlight());
        System.out.println("Mixed fault run: " + next.name());
        next.fault().inject(batch);
        long rest = Duration.ofSeconds(FAULT_EVERY_SECONDS).toNanos() - (System.nanoTime() - faultStarted);
        Thread.sleep(Math.max(0, Math.min(rest, end - System.nanoTime())) / 1_000_000);
      }
    } finally {
      arrivals.shutdownNow();
      placing.shutdown();
      assertThat(placing.awaitTermination(60, TimeUnit.SECONDS)).as("placements finished").isTrue();
    }

    String name = String.format("mixed: %d s at %d sagas/s, %d faults in turn every %d s (%d requests refused while "
        + "the orchestrator was down or at its admission limit for 30 s)", SECONDS, RATE, faults, FAULT_EVERY_SECONDS, refused.get());
    FaultRow row = FaultRow.measure(name, batch, maxInFlight, deadLettersBefore);
    String text = FaultRow.HEADER + "\n" + row.markdown() + "\n";
    System.out.println("\nMixed fault run\n" + text);
    Files.writeString(Path.of("target/mixed-fault-run.md"), text);
    SagaBatch.awaitHealthy();
    row.assertOnTarget(false);
  }
}
