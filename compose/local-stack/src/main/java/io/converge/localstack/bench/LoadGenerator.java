package io.converge.localstack.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives {@code POST /api/orders} against a running system and reports completed sagas per second, time to consistency
 * (request sent → saga terminal, which is after every participant committed its part and replied), the relay's
 * latency per hop, and the system's memory and CPU.
 *
 * <p>Closed loop: N clients, each placing an order and waiting for its outcome before the next. Open loop: orders
 * arrive at a fixed rate whatever the system does; latency counts from the planned send time, so a stalled system
 * is not flattered (no coordinated omission).
 */
public final class LoadGenerator {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PREWARM_CLIENTS = 16;
  private static final int PREWARM_WINDOW_SECONDS = 20;
  private static final double WARM_JIT_SHARE = 0.10;

  private final String orchestrator;
  private final String host;
  private final String database;
  private final List<String> work = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private String customer;
  private String sku;

  private LoadGenerator(String host, String database) {
    this.host = host;
    this.database = database;
    this.orchestrator = "http://" + host + ":8080";
  }

  /**
   * {@code bench [closed=<clients>] [open=<orders per second>] [seconds=<per run>] [warmup=<seconds>]
   * [prewarm=<at most seconds>]}.
   */
  public static void run(Map<String, String> options) throws Exception {
    LoadGenerator generator = new LoadGenerator(options.getOrDefault("host", "localhost"),
        options.getOrDefault("db", "jdbc:mysql://127.0.0.1:3306/?user=root&password="));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
    int prewarm = Integer.parseInt(options.getOrDefault("prewarm", "480"));
    generator.seed();
    String prewarmed = prewarm > 0 ? generator.prewarm(prewarm) : "none";
    List<String> report = new ArrayList<>();
    report.add("Measured " + LocalDate.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, "
        + seconds + " s per run after " + warmup + " s of warm-up. Before the first run, " + PREWARM_CLIENTS
        + " clients until warm, sagas/s per " + PREWARM_WINDOW_SECONDS + " s (and the JIT compilers' share of a core): "
        + prewarmed + ".\n");
    report.add("| run | offered | completed sagas/s | p50 ms | p95 ms | p99 ms | not completed | refused (429) | relay p50 / p99 ms per hop"
        + " | system RSS MiB (JVM + DB) | system CPU (cores) |");
    report.add("|---|---|---|---|---|---|---|---|---|---|---|");
    for (String clients : options.getOrDefault("closed", "1,16,64").split(",")) {
      if (clients.isBlank()) {
        continue;
      }
      int n = Integer.parseInt(clients.trim());
      generator.closedLoop(n, warmup);
      report.add(generator.measure("closed loop", n + " clients", () -> generator.closedLoop(n, seconds)));
    }
    for (String rate : options.getOrDefault("open", "50,100").split(",")) {
      if (rate.isBlank()) {
        continue;
      }
      int r = Integer.parseInt(rate.trim());
      generator.openLoop(r, warmup);
      report.add(generator.measure("open loop", r + "/s", () -> generator.openLoop(r, seconds)));
    }
    report.add("\nWork per completed saga (counters over each run: the database server's statements, the relays' Kafka"
        + " producers, the JVM's allocation):\n");
    report.add("| run | offered | work per saga | CPU ms per saga |");
    report.add("|---|---|---|---|");
    report.addAll(generator.work);
    String table = String.join("\n", report);
    System.out.println("\n" + table + "\n");
    Path out = Path.of(options.getOrDefault("out", "docs/benchmark-last-run.md"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, table + "\n");
    System.out.println("Written to " + out.toAbsolutePath());
  }

  /**
   * Runs {@link #PREWARM_CLIENTS} clients in windows of {@link #PREWARM_WINDOW_SECONDS} s until the system is warm,
   * for at most {@code maxSeconds}. A fresh system's JIT compilers keep up to one of these two cores busy for minutes
   * under load (six services and a broker's worth of code; on a slow host the rate at 16 clients rose from 19 to 46
   * sagas/s over five minutes): without this the first runs would measure the compilers. Warm: the stack's compiler
   * threads used under {@link #WARM_JIT_SHARE} of a core in the last window; when the stack runs on another machine,
   * three windows in a row completed no more than 5 % above the best before them. Returns each window's rate (and
   * the compilers' share), for the report.
   */
  private String prewarm(int maxSeconds) throws Exception {
    List<String> windows = new ArrayList<>();
    double best = 0;
    int notBetter = 0;
    boolean warm = false;
    for (int elapsed = 0; elapsed < maxSeconds && !warm; elapsed += PREWARM_WINDOW_SECONDS) {
      Optional<Double> jitBefore = SystemUsage.jitCompilerSeconds();
      Results window = closedLoop(PREWARM_CLIENTS, Math.min(PREWARM_WINDOW_SECONDS, maxSeconds - elapsed));
      Optional<Double> jitAfter = SystemUsage.jitCompilerSeconds();
      double rate = window.latenciesMillis().size() / window.seconds();
      if (jitBefore.isPresent() && jitAfter.isPresent()) {
        double jitShare = (jitAfter.get() - jitBefore.get()) / window.seconds();
        windows.add(String.format("%.1f (JIT %.0f %%)", rate, jitShare * 100));
        warm = jitShare < WARM_JIT_SHARE;
      } else {
        windows.add(String.format("%.1f", rate));
        notBetter = rate > best * 1.05 ? 0 : notBetter + 1;
        best = Math.max(best, rate);
        warm = notBetter >= 3;
      }
      System.out.println("pre-warm, sagas/s per window: " + String.join(", ", windows));
    }
    return String.join(", ", windows);
  }

  private interface Run {
    Results run() throws Exception;
  }

  record Results(double seconds, List<Long> latenciesMillis, int notCompleted, int refused) {
  }

  private String measure(String kind, String offered, Run run) throws Exception {
    WorkCounters workBefore = WorkCounters.read(database, host);
    SystemUsage before = SystemUsage.now();
    Results results = run.run();
    SystemUsage after = SystemUsage.now();
    WorkCounters workAfter = WorkCounters.read(database, host);
    List<Long> sorted = new ArrayList<>(results.latenciesMillis());
    Collections.sort(sorted);
    String relay = relayLatency(host + ":9080") + " (orch), " + worstRelayLatency() + " (worst participant)";
    String line = String.format("| %s | %s | %.1f | %s | %s | %s | %d | %d | %s | %s | %s |", kind, offered,
        sorted.size() / results.seconds(), pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99),
        results.notCompleted(), results.refused(), relay, after.rssMib(), SystemUsage.coresUsed(before, after));
    System.out.println(line);
    long sagas = sorted.size();
    String cpuPerSaga = sagas == 0 ? "?" : String.format("%.1f", SystemUsage.cpuMillis(before, after) / sagas);
    String costs = String.format("| %s | %s | %s | %s |", kind, offered, WorkCounters.perSaga(workBefore, workAfter,
        sagas), cpuPerSaga);
    System.out.println(costs);
    work.add(costs);
    return line;
  }

  /** Each client places an order and waits for its outcome, again and again. */
  private Results closedLoop(int clients, int seconds) throws Exception {
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<Thread> threads = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < clients; i++) {
      Thread thread = new Thread(() -> {
        while (System.nanoTime() < end) {
          long sent = System.nanoTime();
          try {
            String outcome = placeAndAwait().join();
            if (outcome.equals("COMPLETED")) {
              latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
            } else if (outcome.equals(REFUSED)) {
              refused.incrementAndGet();
              Thread.sleep(1_000);
            } else {
              failed.incrementAndGet();
            }
          } catch (RuntimeException e) {
            failed.incrementAndGet();
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return new Results((System.nanoTime() - start) / 1e9, new ArrayList<>(latencies), failed.get(), refused.get());
  }

  /** Orders arrive at a fixed rate; each is timed from when it was due. */
  private Results openLoop(int perSecond, int seconds) throws Exception {
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    List<CompletableFuture<Void>> all = new ArrayList<>();
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    long intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
    long start = System.nanoTime();
    int total = perSecond * seconds;
    for (int i = 0; i < total; i++) {
      long due = start + i * intervalNanos;
      CompletableFuture<Void> done = new CompletableFuture<>();
      all.add(done);
      clock.schedule(() -> placeAndAwait().whenComplete((outcome, error) -> {
        if (error == null && outcome.equals("COMPLETED")) {
          latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - due));
        } else if (error == null && outcome.equals(REFUSED)) {
          refused.incrementAndGet();
        } else {
          failed.incrementAndGet();
        }
        done.complete(null);
      }), due - System.nanoTime(), TimeUnit.NANOSECONDS);
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(seconds + 120L, TimeUnit.SECONDS);
    clock.shutdown();
    return new Results(Math.max(seconds, (System.nanoTime() - start) / 1e9), new ArrayList<>(latencies),
        failed.get(), refused.get());
  }

  private static final String REFUSED = "REFUSED";

  /** Places an order and long-polls its saga; the saga's final state, or REFUSED when admission said 429. */
  private CompletableFuture<String> placeAndAwait() {
    String body = "{\"customerId\":\"" + customer + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],"
        + "\"paymentMethod\":\"card\"}";
    HttpRequest post = HttpRequest.newBuilder(URI.create(orchestrator + "/api/orders"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return http.sendAsync(post, HttpResponse.BodyHandlers.ofString()).thenCompose(accepted -> {
      if (accepted.statusCode() == 429) {
        return CompletableFuture.completedFuture(REFUSED);
      }
      if (accepted.statusCode() != 202) {
        return CompletableFuture.completedFuture("HTTP " + accepted.statusCode());
      }
      String sagaId = read(accepted.body()).get("sagaId").asText();
      HttpRequest wait = HttpRequest.newBuilder(URI.create(orchestrator + "/api/sagas/" + sagaId + "?wait=30s"))
          .GET().build();
      return http.sendAsync(wait, HttpResponse.BodyHandlers.ofString())
          .thenApply(outcome -> read(outcome.body()).path("state").asText());
    });
  }

  private void seed() throws IOException, InterruptedException {
    String run = UUID.randomUUID().toString().substring(0, 8);
    customer = "bench-" + run;
    sku = "bench-" + run;
    post("http://" + host + ":8083/api/customers/" + customer,
        "{\"name\":\"Benchmark\",\"creditLimit\":1000000000000}");
    post("http://" + host + ":8082/api/products/" + sku, "{\"name\":\"Benchmark\",\"price\":1.00,\"onHand\":1000000000}");
  }

  private void post(String url, String body) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException("Seeding " + url + " failed: " + response.body());
    }
  }

  private static final Pattern QUANTILE = Pattern.compile(
      "converge_outbox_relay_latency_seconds\\{[^}]*quantile=\"(0\\.5|0\\.99)\"[^}]*} ([0-9.eE+-]+)");

  private String worstRelayLatency() {
    String worst = "?";
    double worstP99 = -1;
    for (int port = 9081; port <= 9084; port++) {
      String latency = relayLatency(host + ":" + port);
      String[] parts = latency.split(" / ");
      if (parts.length == 2 && !parts[1].equals("?") && Double.parseDouble(parts[1]) > worstP99) {
        worstP99 = Double.parseDouble(parts[1]);
        worst = latency;
      }
    }
    return worst;
  }

  /**
   * The relay's commit → broker-ack latency as the service's own timer saw it (last two minutes), from its management
   * port ({@code host:port}).
   */
  private String relayLatency(String service) {
    try {
      String text = http.send(HttpRequest.newBuilder(URI.create("http://" + service + "/actuator/prometheus"))
          .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
      Matcher m = QUANTILE.matcher(text);
      String p50 = "?";
      String p99 = "?";
      while (m.find()) {
        String millis = String.format("%.1f", Double.parseDouble(m.group(2)) * 1000);
        if (m.group(1).equals("0.5")) {
          p50 = millis;
        } else {
          p99 = millis;
        }
      }
      return p50 + " / " + p99;
    } catch (Exception e) {
      return "n/a";
    }
  }

  private static String pct(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return "-";
    }
    return String.valueOf(sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)));
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
