package io.converge.localstack;

import static io.converge.localstack.TestSystem.awaitSaga;
import static io.converge.localstack.TestSystem.newCustomer;
import static io.converge.localstack.TestSystem.newProduct;
import static io.converge.localstack.TestSystem.order;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Offers more than the system completes, open loop, then checks every accepted saga order by order against what
 * each participant holds. First it measures, on the machine it runs on, the rate the system completes (closed loop);
 * then it offers {@code converge.overload.multiplier} (default 2) times that for {@code converge.overload.seconds}
 * (default 60), then lets the system settle. Asserts: every accepted saga terminal (or parked for a person with the
 * fact), none whose final state any participant contradicts, and no reconciler violation left unrepaired or unparked.
 * Prints, without asserting, accepted, refused, completed, compensated by timeout, parked, deadlocks and latencies
 * (into target/overload.md too).
 */
@Order(Integer.MAX_VALUE - 2)
class OverloadEndToEndIT {

  private static final int SECONDS = Integer.getInteger("converge.overload.seconds", 60);
  private static final double MULTIPLIER = Double.parseDouble(System.getProperty("converge.overload.multiplier", "2"));
  private static final int MEASURE_SECONDS = Integer.getInteger("converge.overload.measure-seconds", 10);
  private static final int CLOSED_LOOP_CLIENTS = 64;
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Rejections that say the order itself was not valid (not a failure of the system). */
  private static final List<String> BUSINESS_REJECTIONS = List.of("UNKNOWN_PRODUCT", "OUT_OF_STOCK",
      "UNKNOWN_CUSTOMER", "CREDIT_LIMIT_EXCEEDED", "PAYMENT_DECLINED");

  private final List<String> customers = new ArrayList<>();
  private final List<String> skus = new ArrayList<>();

  @BeforeAll
  static void startSystem() {
    TestSystem.get();
  }

  @Test
  void moreThanTheSystemCompletesIsRefusedAtTheDoorAndEveryAcceptedSagaEndsConsistent() throws Exception {
    for (int i = 0; i < 4; i++) {
      customers.add(newCustomer("100000000.00"));
      skus.add(newProduct("1.00", 100_000_000));
    }
    double capacity = measureCompletedPerSecond();
    double offered = Math.max(2, capacity * MULTIPLIER);
    long deadlocksBefore = deadlocks();
    Map<String, String> accepted = new ConcurrentHashMap<>(); // saga id → order id
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    offerOpenLoop(offered, accepted, refused, failed);

    List<String> sagaIds = List.copyOf(accepted.keySet());
    long notEnded = awaitEnded(sagaIds, Duration.ofMinutes(3));
    awaitSweepPast(sagaIds);
    Map<String, SagaOutcome> outcomes = outcomes(sagaIds);
    List<String> contradictions = contradictions(outcomes);
    List<String> unresolvedViolations = unresolvedViolations(accepted);
    long reconcilerFindings = reconcilerFindings(sagaIds);
    long deadlocks = deadlocks() - deadlocksBefore;

    String report = report(capacity, offered, accepted.size(), refused.get(), failed.get(), outcomes, notEnded,
        deadlocks, contradictions.size() + (int) reconcilerFindings, unresolvedViolations.size());
    System.out.println("\nOverload run\n" + report);
    Files.writeString(Path.of("target/overload.md"), report + "\n");

    assertThat(accepted).as("sagas accepted").isNotEmpty();
    assertThat(notEnded).as("accepted sagas neither terminal nor parked").isZero();
    assertThat(contradictions).as("sagas whose final state a participant contradicts").isEmpty();
    assertThat(reconcilerFindings).as("sagas the reconciler found contradicted (and repaired or parked)").isZero();
    assertThat(unresolvedViolations).as("reconciler violations neither repaired nor parked").isEmpty();
  }

  /**
   * Closed loop with more clients than the admission limit lets in: each places an order and waits for its end,
   * again and again (after a 429, again after its Retry-After); completed sagas per second is what the system
   * completes here.
   */
  private double measureCompletedPerSecond() throws InterruptedException {
    runClosedLoop(Duration.ofSeconds(5));
    AtomicInteger completed = runClosedLoop(Duration.ofSeconds(MEASURE_SECONDS));
    return completed.get() / (double) MEASURE_SECONDS;
  }

  private AtomicInteger runClosedLoop(Duration duration) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    URI orders = URI.create(TestSystem.get().url("saga-orchestrator") + "/api/orders");
    AtomicInteger ended = new AtomicInteger();
    long end = System.nanoTime() + duration.toNanos();
    CountDownLatch done = new CountDownLatch(CLOSED_LOOP_CLIENTS);
    for (int c = 0; c < CLOSED_LOOP_CLIENTS; c++) {
      int client = c;
      new Thread(() -> {
        try {
          while (System.nanoTime() < end) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(orders)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                    JSON.writeValueAsString(order(customers.get(client % 4), skus.get(client % 4), 1, "card"))))
                .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
              Thread.sleep(1_000); // the Retry-After a 429 names
              continue;
            }
            JsonNode saga = awaitSaga(JSON.readTree(response.body()).get("sagaId").asText());
            if (System.nanoTime() < end && !saga.get("state").asText().equals("RUNNING")) {
              ended.incrementAndGet();
            }
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        } finally {
          done.countDown();
        }
      }).start();
    }
    done.await();
    return ended;
  }

  /** Open loop: an order arrives every 1/rate s, whatever the system does; 429s are counted, not retried. */
  private void offerOpenLoop(double rate, Map<String, String> accepted, AtomicInteger refused, AtomicInteger failed)
      throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    URI orders = URI.create(TestSystem.get().url("saga-orchestrator") + "/api/orders");
    AtomicInteger sequence = new AtomicInteger();
    AtomicInteger pending = new AtomicInteger();
    ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();
    arrivals.scheduleAtFixedRate(() -> {
      int i = sequence.getAndIncrement();
      pending.incrementAndGet();
      http.sendAsync(HttpRequest.newBuilder(orders).timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body(i))).build(),
          HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            try {
              if (error != null) {
                failed.incrementAndGet();
              } else if (response.statusCode() == 202) {
                JsonNode started = JSON.readTree(response.body());
                accepted.put(started.get("sagaId").asText(), started.get("orderId").asText());
              } else if (response.statusCode() == 429) {
                refused.incrementAndGet();
              } else {
                failed.incrementAndGet();
              }
            } catch (Exception e) {
              failed.incrementAndGet();
            } finally {
              pending.decrementAndGet();
            }
          });
    }, 0, (long) (1_000_000 / rate), TimeUnit.MICROSECONDS);
    Thread.sleep(SECONDS * 1_000L);
    arrivals.shutdownNow();
    long giveUpAt = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (pending.get() > 0 && System.nanoTime() < giveUpAt) {
      Thread.sleep(100);
    }
  }

  /** Mixed orders: one in five declined at payment, one in twenty for a product inventory does not have. */
  private String body(int i) {
    String sku = i % 20 == 7 ? "no-such-product" : skus.get(i % skus.size());
    String payment = i % 5 == 0 ? "card-declined" : "card";
    try {
      return JSON.writeValueAsString(order(customers.get(i % customers.size()), sku, 1 + i % 3, payment));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private record SagaOutcome(String sagaId, String orderId, String state, String reason, Long millis) {
  }

  /** Waits until every saga is terminal or parked; returns how many are neither when the time is up. */
  private static long awaitEnded(List<String> sagaIds, Duration atMost) throws InterruptedException {
    long giveUpAt = System.nanoTime() + atMost.toNanos();
    long open;
    do {
      open = outcomes(sagaIds).values().stream()
          .filter(o -> !List.of("COMPLETED", "COMPENSATED", "NEEDS_ATTENTION").contains(o.state())).count();
      if (open > 0) {
        Thread.sleep(1_000);
      }
    } while (open > 0 && System.nanoTime() < giveUpAt);
    return open;
  }

  /** Findings of the reconciler's sweep about these sagas: each was a saga some participant contradicted. */
  private static long reconcilerFindings(List<String> sagaIds) {
    long found = 0;
    for (List<String> chunk : chunks(sagaIds, 500)) {
      found += TestSystem.jdbc("saga-orchestrator").queryForObject("SELECT COUNT(*) FROM reconciler_findings "
          + "WHERE saga_id IN (" + SagaBatch.placeholders(chunk) + ")", Long.class, chunk.toArray());
    }
    return found;
  }

  /** The reconciler's sweep has checked (and repaired or parked) every one of these sagas, and its repairs landed. */
  private static void awaitSweepPast(List<String> sagaIds) throws InterruptedException {
    JdbcTemplate orchestrator = TestSystem.jdbc("saga-orchestrator");
    long giveUpAt = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < giveUpAt) {
      boolean swept = Boolean.TRUE.equals(orchestrator.queryForObject("SELECT (SELECT ended_at FROM "
          + "reconciler_checkpoint WHERE name = 'sweep') >= (SELECT MAX(ended_at) FROM saga_summary) "
          + "AND NOT EXISTS (SELECT 1 FROM reconciler_repairs)", Boolean.class));
      if (swept) {
        return;
      }
      Thread.sleep(1_000);
    }
    throw new AssertionError("The reconciler's sweep did not pass the sagas of the run within 90 s");
  }

  private static Map<String, SagaOutcome> outcomes(List<String> sagaIds) {
    Map<String, SagaOutcome> outcomes = new HashMap<>();
    JdbcTemplate orchestrator = TestSystem.jdbc("saga-orchestrator");
    for (List<String> chunk : chunks(sagaIds, 500)) {
      orchestrator.query("SELECT saga_id, business_key, state, reason, TIMESTAMPDIFF(MICROSECOND, started_at, ended_at) "
          + "DIV 1000 FROM saga_summary WHERE saga_id IN (" + SagaBatch.placeholders(chunk) + ")", rs -> {
            outcomes.put(rs.getString(1), new SagaOutcome(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), (Long) rs.getObject(5, Long.class)));
          }, chunk.toArray());
    }
    return outcomes;
  }

  /** Every saga that claims an outcome, compared with each participant, read through their own APIs. */
  private static List<String> contradictions(Map<String, SagaOutcome> outcomes) {
    List<SagaOutcome> claiming = outcomes.values().stream()
        .filter(o -> o.state().equals("COMPLETED") || o.state().equals("COMPENSATED")).toList();
    List<String> found = new ArrayList<>();
    for (List<SagaOutcome> chunk : chunks(claiming, 100)) {
      List<String> orderIds = chunk.stream().map(SagaOutcome::orderId).toList();
      Map<String, String> order = statuses("order-service", "/api/orders?ids=", orderIds, "state");
      Map<String, String> stock = statuses("inventory-service", "/api/stock-reservations?orderIds=", orderIds,
          "status");
      Map<String, String> credit = statuses("customer-service", "/api/credit-reservations?orderIds=", orderIds,
          "status");
      Map<String, String> payment = statuses("payment-service", "/api/payments?orderIds=", orderIds, "status");
      for (SagaOutcome saga : chunk) {
        String id = saga.orderId();
        boolean completed = saga.state().equals("COMPLETED");
        String actual = order.get(id) + "/" + stock.get(id) + "/" + credit.get(id) + "/" + payment.get(id);
        boolean agrees = completed
            ? actual.equals("APPROVED/RESERVED/RESERVED/AUTHORIZED")
            : "REJECTED".equals(order.get(id)) && !"RESERVED".equals(stock.get(id))
                && !"RESERVED".equals(credit.get(id)) && !"AUTHORIZED".equals(payment.get(id));
        if (!agrees) {
          found.add(saga.sagaId() + " " + saga.state() + " but order/stock/credit/payment = " + actual);
        }
      }
    }
    found.stream().limit(20).forEach(c -> System.out.println("Contradiction: " + c));
    return found;
  }

  private static Map<String, String> statuses(String service, String pathAndIdsParam, List<String> orderIds,
                                              String field) {
    String param = pathAndIdsParam.substring(pathAndIdsParam.indexOf('?') + 1, pathAndIdsParam.length() - 1);
    String query = String.join("&", orderIds.stream().map(id -> param + "=" + id).toList());
    JsonNode found = TestSystem.http(service).get()
        .uri(URI.create(TestSystem.get().url(service) + pathAndIdsParam.substring(0, pathAndIdsParam.indexOf('?'))
            + "?" + query)).retrieve().body(JsonNode.class);
    Map<String, String> byOrder = new HashMap<>();
    found.forEach(entry -> byOrder.put(entry.get("orderId").asText(), entry.get(field).asText()));
    return byOrder;
  }

  /** What an ad-hoc check still finds for these sagas or orders after the sweep repaired and parked. */
  private static List<String> unresolvedViolations(Map<String, String> accepted) {
    JsonNode check = TestSystem.consistencyCheck(accepted.size() + 10_000);
    List<String> found = new ArrayList<>();
    for (JsonNode violation : check.get("violations")) {
      if (accepted.containsKey(violation.path("sagaId").asText())
          || accepted.containsValue(violation.path("businessKey").asText())) {
        found.add(violation.toString());
      }
    }
    found.stream().limit(20).forEach(v -> System.out.println("Unresolved: " + v));
    return found;
  }

  private static long deadlocks() {
    return TestSystem.jdbc("saga-orchestrator").query("SHOW GLOBAL STATUS LIKE 'Innodb_deadlocks'",
        rs -> rs.next() ? rs.getLong(2) : -1);
  }

  private static String report(double capacity, double offered, int accepted, int refused, int failed,
                               Map<String, SagaOutcome> outcomes, long notEnded, long deadlocks,
                               int contradictions, int unresolved) {
    List<Long> latencies = new ArrayList<>(outcomes.values().stream().filter(o -> o.millis() != null)
        .map(SagaOutcome::millis).toList());
    Collections.sort(latencies);
    long completed = outcomes.values().stream().filter(o -> o.state().equals("COMPLETED")).count();
    long compensated = outcomes.values().stream().filter(o -> o.state().equals("COMPENSATED")).count();
    long timedOut = outcomes.values().stream().filter(o -> "STEP_TIMED_OUT".equals(o.reason())).count();
    long parked = outcomes.values().stream().filter(o -> o.state().equals("NEEDS_ATTENTION")).count();
    long invalid = outcomes.values().stream().filter(o -> BUSINESS_REJECTIONS.contains(o.reason())).count();
    double validCompleted = 100.0 * completed / Math.max(1, outcomes.size() - invalid);
    return String.format("| multiplier | measured capacity (sagas/s) | offered (/s) | seconds | accepted | refused (429) "
            + "| errors | completed | compensated | of which timed out | valid orders completed | parked | not ended "
            + "| deadlocks | contradicted (at the end, or found by the reconciler) | unresolved violations | p50 ms | p99 ms | max ms |%n"
            + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|%n"
            + "| %.0f× | %.1f | %.1f | %d | %d | %d | %d | %d | %d | %d | %.1f %% | %d | %d | %d | %d | %d | %s | %s "
            + "| %s |",
        MULTIPLIER, capacity, offered, SECONDS, accepted, refused, failed, completed, compensated, timedOut,
        validCompleted, parked,
        notEnded, deadlocks, contradictions, unresolved, percentile(latencies, 0.50), percentile(latencies, 0.99),
        latencies.isEmpty() ? "-" : latencies.get(latencies.size() - 1));
  }

  private static String percentile(List<Long> sorted, double p) {
    return sorted.isEmpty() ? "-" : String.valueOf(sorted.get(Math.min(sorted.size() - 1,
        (int) Math.ceil(p * sorted.size()) - 1)));
  }

  private static <T> List<List<T>> chunks(List<T> items, int size) {
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < items.size(); from += size) {
      chunks.add(items.subList(from, Math.min(items.size(), from + size)));
    }
    return chunks;
  }
}
