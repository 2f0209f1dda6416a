package io.converge.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import io.converge.devinfra.KafkaBrokerProcess;
import io.converge.devinfra.ServiceDatabases;
import io.converge.devinfra.SharedInfrastructure;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * The whole system, started once per test JVM (every end-to-end test class shares it), on the shared database server,
 * in databases of its own, and on a Kafka broker in a process of its own (so that the fault suite can restart it). Each
 * test makes its own customers and products, so tests never interfere.
 */
final class TestSystem {

  /** Short, so that timeout tests are quick; long enough that a healthy step never times out under CI load. */
  static final int STEP_TIMEOUT_MILLIS = 1500;

  /** The reconciler checks a saga this long after it ended (short, so that tests see its sweep soon). */
  static final int RECONCILER_SETTLE_SECONDS = 3;

  /** Orders above this total wait for a person's risk review. */
  static final String REVIEW_ABOVE = "1000";

  /**
   * How long a person has for a review: long enough to restart the orchestrator and payment-service meanwhile, short
   * enough that the test of a review past its deadline is not slow.
   */
  static final int REVIEW_DEADLINE_SECONDS = 25;

  /** The channel replies to new place-order sagas arrive on: each version of a saga has its own. */
  static final String PLACE_ORDER_REPLIES = io.converge.saga.runtime.definition.SagaTypes.wireType(
      io.converge.orchestrator.placeorder.PlaceOrderSaga.TYPE,
      io.converge.orchestrator.placeorder.PlaceOrderSaga.NEWEST_VERSION) + "-reply";

  /** An operator and a viewer of the test system, with tokens made for this run. */
  static final String OPERATOR = "e2e-operator";
  static final String OPERATOR_TOKEN = "op-" + UUID.randomUUID();
  static final String VIEWER = "e2e-viewer";
  static final String VIEWER_TOKEN = "view-" + UUID.randomUUID();
  static final String OPERATOR_PASSWORD = "op-pw-" + UUID.randomUUID();
  static final String VIEWER_PASSWORD = "view-pw-" + UUID.randomUUID();

  private static RunningSystem system;
  private static KafkaBrokerProcess broker;

  private TestSystem() {
  }

  static synchronized RunningSystem get() {
    if (system == null) {
      String prefix = "e2e_" + UUID.randomUUID().toString().substring(0, 6);
      broker = KafkaBrokerProcess.start();
      system = RunningSystem.start(SharedInfrastructure.database(), SharedInfrastructure.postgres(),
          broker.bootstrap(), prefix, false,
          properties(Map.of("converge.saga.step-timeout", STEP_TIMEOUT_MILLIS + "ms", "converge.saga.max-attempts", 2,
              "converge.saga.compensation-max-attempts", 3, "converge.reconciler.interval", "1s",
              "converge.reconciler.settle", RECONCILER_SETTLE_SECONDS + "s",
              "converge.orders.review-above", REVIEW_ABOVE, "converge.orders.review-deadline",
              REVIEW_DEADLINE_SECONDS + "s",
              // Small batches, so that tests run the sweep through many batches from its checkpoint.
              "converge.reconciler.batch", 10)));
      RunningSystem started = system;
      KafkaBrokerProcess startedBroker = broker;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        started.close();
        startedBroker.close();
        // Leave the shared database server as we found it.
        RunningSystem.SERVICES.forEach(service -> {
          String database = started.database(service.name()).name();
          if (service.inPostgres()) {
            SharedInfrastructure.postgres().drop(database);
          } else {
            ServiceDatabases.drop(SharedInfrastructure.database(), database);
          }
        });
      }));
    }
    return system;
  }

  /** Every service's settings in the test system, with operator credentials (none exist by default). */
  private static Map<String, Object> properties(Map<String, Object> settings) {
    Map<String, Object> properties = new java.util.LinkedHashMap<>(settings);
    properties.put("converge.security.tokens." + OPERATOR + ".value", OPERATOR_TOKEN);
    properties.put("converge.security.tokens." + OPERATOR + ".roles", "OPERATOR");
    properties.put("converge.security.tokens." + VIEWER + ".value", VIEWER_TOKEN);
    properties.put("converge.security.tokens." + VIEWER + ".roles", "VIEWER");
    properties.put("converge.participants.token", OPERATOR_TOKEN);
    // The same actors log in to the dashboard, with passwords kept hashed, as a deployment keeps them.
    var passwords = new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder(4);
    properties.put("converge.security.users." + OPERATOR + ".password",
        "{bcrypt}" + passwords.encode(OPERATOR_PASSWORD));
    properties.put("converge.security.users." + OPERATOR + ".roles", "OPERATOR");
    properties.put("converge.security.users." + VIEWER + ".password",
        "{bcrypt}" + passwords.encode(VIEWER_PASSWORD));
    properties.put("converge.security.users." + VIEWER + ".roles", "VIEWER");
    return properties;
  }

  static synchronized KafkaBrokerProcess broker() {
    get();
    return broker;
  }

  /** A client of the service acting as the test system's operator (allowed everywhere). */
  static RestClient http(String service) {
    return http(URI.create(get().url(service)));
  }

  /** An operator's client of any instance, by its URL. */
  static RestClient http(URI instance) {
    return RestClient.builder().baseUrl(instance.toString())
        .defaultHeader("Authorization", "Bearer " + OPERATOR_TOKEN).build();
  }

  /** What the service exports for Prometheus, read from its management port as a scraper does (no credentials). */
  static String metrics(String service) {
    return RestClient.create(get().managementUrl(service)).get().uri("/actuator/prometheus").retrieve()
        .body(String.class);
  }

  /** A client of the service with no credentials. */
  static RestClient anonymous(String service) {
    return RestClient.create(get().url(service));
  }

  /** A client of the service acting as a viewer (reads operator endpoints, acts on nothing). */
  static RestClient viewer(String service) {
    return RestClient.builder().baseUrl(get().url(service))
        .defaultHeader("Authorization", "Bearer " + VIEWER_TOKEN).build();
  }

  /** The service's database, also while the service is stopped or runs as its own process. */
  static JdbcTemplate jdbc(String service) {
    var context = get().context(service);
    if (context != null) {
      return context.getBean(JdbcTemplate.class);
    }
    var database = get().database(service);
    return new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(database.jdbcUrl(),
        database.user(), database.password()));
  }

  static String newCustomer(String creditLimit) {
    String id = "cust-" + UUID.randomUUID();
    http("customer-service").post().uri("/api/customers/{id}", id).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("name", "E2E customer", "creditLimit", new BigDecimal(creditLimit))).retrieve().toBodilessEntity();
    return id;
  }

  static String newProduct(String price, int onHand) {
    String sku = "sku-" + UUID.randomUUID();
    http("inventory-service").post().uri("/api/products/{sku}", sku).contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("name", "E2E product", "price", new BigDecimal(price), "onHand", onHand)).retrieve()
        .toBodilessEntity();
    return sku;
  }

  static Map<String, Object> order(String customerId, String sku, int quantity, String paymentMethod) {
    return Map.of("customerId", customerId, "lines", List.of(Map.of("sku", sku, "quantity", quantity)),
        "paymentMethod", paymentMethod);
  }

  /**
   * Places the order and returns the 202 body. Refused with 429 (admission control), it tries again after the
   * Retry-After the orchestrator names, as a client should, for up to 30 s; then the 429 is thrown.
   */
  static JsonNode place(Map<String, Object> order) {
    return place(http("saga-orchestrator"), order);
  }

  /** Through one orchestrator instance (another one than the system's, say). */
  static JsonNode place(RestClient orchestrator, Map<String, Object> order) {
    long giveUpAt = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        return orchestrator.post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
            .body(order).retrieve().body(JsonNode.class);
      } catch (HttpClientErrorException.TooManyRequests refused) {
        if (System.nanoTime() > giveUpAt) {
          throw refused;
        }
        String retryAfter = refused.getResponseHeaders() == null ? null
            : refused.getResponseHeaders().getFirst("Retry-After");
        sleep(Duration.ofSeconds(retryAfter == null ? 1 : Long.parseLong(retryAfter)));
      }
    }
  }

  /** Starts an ad-hoc consistency check over the last two hours and waits for its report. */
  static JsonNode consistencyCheck(int maxSagas) {
    java.time.Instant requestedAt = java.time.Instant.now();
    JsonNode started = http("saga-orchestrator").post()
        .uri("/api/consistency/checks?maxSagas={max}&window=PT2H", maxSagas).retrieve().body(JsonNode.class);
    long giveUpAt = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    JsonNode check = started;
    while (check.get("state").asText().equals("RUNNING")) {
      if (System.nanoTime() > giveUpAt) {
        throw new AssertionError("The consistency check did not finish within 120 s");
      }
      sleep(Duration.ofMillis(200));
      check = get("saga-orchestrator", "/api/consistency/checks/{id}", started.get("checkId").asText());
    }
    if (!check.get("state").asText().equals("DONE")) {
      throw new AssertionError("The consistency check failed: " + check);
    }
    if (java.time.Instant.parse(check.get("startedAt").asText()).isBefore(requestedAt.minusMillis(500))) {
      return consistencyCheck(maxSagas); // that was a check someone else had started earlier: run ours
    }
    return check;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Long-polls the saga until it is terminal (or 20 s pass). */
  static JsonNode awaitSaga(String sagaId) {
    return http("saga-orchestrator").get().uri("/api/sagas/{id}?wait=20s", sagaId).retrieve().body(JsonNode.class);
  }

  /** Long-polls the saga until it is terminal or parked, for longer than {@link #awaitSaga} when a test needs it. */
  static JsonNode awaitTerminal(String sagaId, Duration atMost) {
    long giveUpAt = System.nanoTime() + atMost.toNanos();
    JsonNode saga = awaitSaga(sagaId);
    while (saga.get("state").asText().matches("RUNNING|COMPENSATING") && System.nanoTime() < giveUpAt) {
      saga = awaitSaga(sagaId);
    }
    return saga;
  }

  static JsonNode get(String service, String path, Object... variables) {
    return http(service).get().uri(path, variables).retrieve().body(JsonNode.class);
  }
}
