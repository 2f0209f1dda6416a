package io.converge.orderhistory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.converge.contracts.MessageCatalog;
import io.converge.contracts.OrderLine;
import io.converge.contracts.PricedLine;
import io.converge.contracts.RejectionReason;
import io.converge.contracts.customer.CreditEvent;
import io.converge.contracts.events.PublishedEvent;
import io.converge.contracts.inventory.StockEvent;
import io.converge.contracts.order.OrderEvent;
import io.converge.contracts.payment.PaymentEvent;
import io.converge.contracts.saga.SagaEvent;
import io.converge.devinfra.KafkaBrokers;
import io.converge.devinfra.KafkaWireClient;
import io.converge.devinfra.ServiceDatabase;
import io.converge.devinfra.ServiceLauncher;
import io.converge.devinfra.SharedInfrastructure;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/**
 * The projection on real Kafka and a real PostgreSQL, fed events as the services publish them (Eventuate's record
 * format): duplicated, reordered, in an old version, or unreadable; rebuilt while one or two instances project.
 */
class OrderHistoryProjectionIT {

  private static final String TOKEN = "history-viewer-" + UUID.randomUUID();
  private static final String OPERATOR_TOKEN = "history-operator-" + UUID.randomUUID();

  private static ServiceDatabase database;
  private static ConfigurableApplicationContext service;
  private static KafkaWireClient kafka;
  private static RestClient http;

  @BeforeAll
  static void start() {
    database = SharedInfrastructure.freshPostgresDatabase("it_order_history");
    service = ServiceLauncher.start(OrderHistoryApplication.application(), database, SharedInfrastructure.kafka(), 0,
        Map.of("converge.security.tokens.it-viewer.value", TOKEN, "converge.security.tokens.it-viewer.roles",
            "VIEWER", "converge.security.tokens.it-operator.value", OPERATOR_TOKEN,
            "converge.security.tokens.it-operator.roles", "OPERATOR"));
    kafka = new KafkaWireClient(SharedInfrastructure.kafka());
    http = RestClient.builder().baseUrl("http://localhost:"
            + ((WebServerApplicationContext) service).getWebServer().getPort())
        .defaultHeader("Authorization", "Bearer " + TOKEN).build();
  }

  @AfterAll
  static void stop() {
    kafka.close();
    service.close();
    SharedInfrastructure.postgres().drop(database.name());
  }

  @Test
  void showsAnApprovedOrderWithEveryServicesFactsInTheOrderTheyHappened() {
    String order = "o-" + UUID.randomUUID();
    String customer = "c-" + UUID.randomUUID();
    approvedOrder(order, customer).forEach(this::publish);

    JsonNode history = awaitOrder(order, 2);
    assertApproved(history, customer);
    assertThat(history.get("timeline")).extracting(entry -> entry.get("event").asText()).containsExactly(
        "saga.event.Started.v1", "order.event.Placed.v2", "stock.event.Reserved.v1", "credit.event.Reserved.v1",
        "payment.event.Authorized.v1", "order.event.Approved.v1", "saga.event.StateChanged.v1");
    assertThat(history.at("/readModel/model").asText()).startsWith("model_");
    assertThat(history.at("/readModel/nextOffsets").size()).isPositive();

    JsonNode orders = http.get().uri("/api/customers/{id}/orders", customer).retrieve().body(JsonNode.class);
    assertThat(orders.get("name").asText()).isEqualTo("Carol");
    assertThat(orders.get("openCredit").decimalValue()).isEqualByComparingTo("24.00");
    assertThat(orders.get("spend").decimalValue()).isEqualByComparingTo("24.00");
    assertThat(orders.get("orders")).extracting(o -> o.get("orderId").asText()).containsExactly(order);
  }

  @Test
  void duplicatedAndReorderedEventsGiveTheSameHistory() {
    String order = "o-" + UUID.randomUUID();
    String customer = "c-" + UUID.randomUUID();
    List<Published> events = approvedOrder(order, customer);
    List<Published> shuffled = new ArrayList<>(events);
    // Some events twice under their message ids, as a relay that published them and crashed before marking them would.
    shuffled.addAll(events.subList(1, 4));
    Collections.shuffle(shuffled, new Random(7));
    shuffled.forEach(this::publish);

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertApproved(awaitOrder(order, 2), customer));
    assertThat(awaitOrder(order, 2).get("timeline")).hasSize(7);
  }

  @Test
  void anOlderEventArrivingLastStillFillsInWhatOnlyItCarries() {
    String order = "o-" + UUID.randomUUID();
    List.of(new Published(OrderEvent.CHANNEL, new OrderEvent.CancellationBegun(order, 3, "cancel-1", 30)),
            new Published(OrderEvent.CHANNEL, new OrderEvent.Approved(order, 2, money("24.00"), 20)),
            new Published(StockEvent.CHANNEL, new StockEvent.Released(order, 2, 40)),
            new Published(StockEvent.CHANNEL, new StockEvent.Reserved(order, 1,
                List.of(new PricedLine("widget", 2, money("12.00"))), 10)),
            new Published(PaymentEvent.CHANNEL, new PaymentEvent.Voided(order, 2, 50)),
            new Published(PaymentEvent.CHANNEL, new PaymentEvent.Authorized(order, 1, money("24.00"), 15)))
        .forEach(this::publish);

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      JsonNode history = http.get().uri("/api/order-history/{id}", order).retrieve().body(JsonNode.class);
      assertThat(history.get("state").asText()).isEqualTo("CANCELLATION_PENDING");
      assertThat(history.get("total").decimalValue()).isEqualByComparingTo("24.00");
      assertThat(history.at("/stock/state").asText()).isEqualTo("RELEASED");
      assertThat(history.at("/stock/detail/lines/0/sku").asText()).isEqualTo("widget");
      assertThat(history.at("/payment/state").asText()).isEqualTo("VOIDED");
      assertThat(history.at("/payment/amount").decimalValue()).isEqualByComparingTo("24.00");
    });
  }

  @Test
  void anOldVersionOfAnEventIsReadAsTheCurrentOne() {
    String order = "o-" + UUID.randomUUID();
    publish(new Published(OrderEvent.CHANNEL, new OrderEvent.PlacedV1(order, 1, "c-old", 1_000L)));

    JsonNode history = awaitOrder(order, 1);
    assertThat(history.get("customerId").asText()).isEqualTo("c-old");
    assertThat(history.get("state").asText()).isEqualTo("PENDING");
    assertThat(history.get("lines")).isEmpty();
  }

  @Test
  void aRecordNoOneCanReadIsSkippedAndTheEventsAfterItStillArrive() {
    String order = "o-" + UUID.randomUUID();
    for (int partition = 0; partition < KafkaBrokers.PARTITIONS; partition++) {
      kafka.sendRaw(OrderEvent.CHANNEL, partition, "{not json");
    }
    publish(new Published(OrderEvent.CHANNEL, new OrderEvent.Rejected(order, 1, RejectionReason.OUT_OF_STOCK, 2_000L)));

    assertThat(awaitOrder(order, 1).get("state").asText()).isEqualTo("REJECTED");
  }

  @Test
  void waitsForTheVersionTheCallerKnowsThenSaysItHadNotCaughtUp() {
    String order = "o-" + UUID.randomUUID();
    publish(new Published(OrderEvent.CHANNEL, new OrderEvent.Placed(order, 1, "c", "card", List.of(), 3_000L)));
    awaitOrder(order, 1);

    JsonNode notYet = http.get().uri("/api/order-history/{id}?minVersion=2&waitMillis=200", order).retrieve()
        .body(JsonNode.class);
    assertThat(notYet.at("/readModel/caughtUp").asBoolean()).isFalse();
    HttpStatusCode unknown = http.get().uri("/api/order-history/{id}?minVersion=1&waitMillis=100", "no-such-order")
        .exchange((request, response) -> response.getStatusCode());
    assertThat(unknown.value()).isEqualTo(404);
    HttpStatusCode anonymous = RestClient.create("http://localhost:"
            + ((WebServerApplicationContext) service).getWebServer().getPort()).get()
        .uri("/api/order-history/{id}", order).exchange((request, response) -> response.getStatusCode());
    assertThat(anonymous.value()).isEqualTo(401);
    for (String bad : List.of("/api/customers/c/orders?state=BOGUS", "/api/customers/c/orders?size=0",
        "/api/order-history/x?waitMillis=60000", "/api/order-history/x?minVersion=-1")) {
      HttpStatusCode refused = http.get().uri(bad).exchange((request, response) -> response.getStatusCode());
      assertThat(refused.value()).as(bad).isEqualTo(400);
    }
  }

  @Test
  void rebuildsFromTheLogBesideTheLiveModelWhichKeepsAnsweringThenSwitchesToAnEqualOne() {
    String order = "o-" + UUID.randomUUID();
    String customer = "c-" + UUID.randomUUID();
    List<Published> events = approvedOrder(order, customer);
    events.subList(0, 3).forEach(this::publish);
    awaitOrder(order, 1);
    String liveBefore = awaitOrder(order, 1).at("/readModel/model").asText();
    RestClient operator = RestClient.builder().baseUrl(baseUrl())
        .defaultHeader("Authorization", "Bearer " + OPERATOR_TOKEN).build();

    JsonNode started = operator.post().uri("/api/order-history/rebuilds").retrieve().body(JsonNode.class);
    String location = "/api/order-history/rebuilds/" + started.get("version").asInt();
    // Facts keep coming while it rebuilds; queries keep answering.
    events.subList(3, events.size()).forEach(this::publish);
    assertThat(http.get().uri("/api/order-history/{id}", order).retrieve().body(JsonNode.class).get("orderId")
        .asText()).isEqualTo(order);

    JsonNode report = await().atMost(Duration.ofSeconds(60)).until(
        () -> http.get().uri(location).retrieve().body(JsonNode.class),
        r -> !r.get("state").asText().equals("BUILDING"));
    assertThat(report.get("state").asText()).as(report.toString()).isEqualTo("SWITCHED");
    assertThat(report.at("/checksums/ordersCompared").asLong()).isPositive();
    assertThat(report.at("/checksums/ordersDifferent").asLong()).as(report.toString()).isZero();
    assertThat(report.at("/checksums/customersDifferent").asLong()).isZero();
    assertThat(report.get("eventsApplied").asLong()).isPositive();
    JsonNode after = awaitOrder(order, 2);
    assertThat(after.at("/readModel/model").asText()).isNotEqualTo(liveBefore);
    assertApproved(after, customer);
    assertThat(after.get("timeline")).hasSize(7);
  }

  /**
   * Two instances project, each its share of the partitions; a rebuild run by one must stop both while it takes the
   * last events and compares, or the other's writes would make the comparison, and the switch, lose facts.
   */
  @Test
  void aRebuildPausesTheProjectionOfEveryInstanceWhileOrdersKeepComing() throws Exception {
    ConfigurableApplicationContext second = ServiceLauncher.start(OrderHistoryApplication.application(), database,
        SharedInfrastructure.kafka(), 0, Map.of("converge.security.tokens.it-viewer.value", TOKEN,
            "converge.security.tokens.it-viewer.roles", "VIEWER"));
    List<String> orders = Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.atomic.AtomicBoolean publishing = new java.util.concurrent.atomic.AtomicBoolean(true);
    Thread load = new Thread(() -> {
      while (publishing.get()) {
        String order = "o-" + UUID.randomUUID();
        approvedOrder(order, "c-" + UUID.randomUUID()).forEach(this::publish);
        orders.add(order);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    try {
      load.start();
      await().atMost(Duration.ofSeconds(30)).until(() -> orders.size() > 20);
      RestClient operator = RestClient.builder().baseUrl(baseUrl())
          .defaultHeader("Authorization", "Bearer " + OPERATOR_TOKEN).build();
      JsonNode started = operator.post().uri("/api/order-history/rebuilds").retrieve().body(JsonNode.class);
      String location = "/api/order-history/rebuilds/" + started.get("version").asInt();

      JsonNode report = await().atMost(Duration.ofSeconds(90)).until(
          () -> http.get().uri(location).retrieve().body(JsonNode.class),
          r -> !r.get("state").asText().equals("BUILDING"));
      publishing.set(false);
      load.join();

      assertThat(report.get("state").asText()).as(report.toString()).isEqualTo("SWITCHED");
      assertThat(report.at("/checksums/ordersDifferent").asLong()).as(report.toString()).isZero();
      // Every order published before, during and after the switch is whole in the new version.
      for (String order : List.copyOf(orders)) {
        JsonNode history = awaitOrder(order, 2);
        assertThat(history.at("/readModel/model").asText()).isEqualTo("model_" + started.get("version").asInt());
        assertThat(history.get("timeline")).as(order).hasSize(7);
        assertThat(history.at("/sagas/0/state").asText()).isEqualTo("COMPLETED");
      }
    } finally {
      publishing.set(false);
      load.join();
      second.close();
    }
  }

  private static String baseUrl() {
    return "http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort();
  }

  private static void assertApproved(JsonNode history, String customer) {
    assertThat(history.get("state").asText()).isEqualTo("APPROVED");
    assertThat(history.get("customerId").asText()).isEqualTo(customer);
    assertThat(history.get("total").decimalValue()).isEqualByComparingTo("24.00");
    assertThat(history.get("lines").get(0).get("sku").asText()).isEqualTo("widget");
    assertThat(history.at("/stock/state").asText()).isEqualTo("RESERVED");
    assertThat(history.at("/stock/detail/lines/0/unitPrice").decimalValue()).isEqualByComparingTo("12.00");
    assertThat(history.at("/credit/state").asText()).isEqualTo("RESERVED");
    assertThat(history.at("/credit/amount").decimalValue()).isEqualByComparingTo("24.00");
    assertThat(history.at("/payment/state").asText()).isEqualTo("AUTHORIZED");
    assertThat(history.get("sagas")).hasSize(1);
    assertThat(history.at("/sagas/0/type").asText()).isEqualTo("converge.PlaceOrderSaga");
    assertThat(history.at("/sagas/0/definitionVersion").asInt()).isEqualTo(2);
    assertThat(history.at("/sagas/0/state").asText()).isEqualTo("COMPLETED");
    assertThat(history.at("/sagas/0/reason").asText()).isEqualTo("APPROVED");
  }

  private static List<Published> approvedOrder(String order, String customer) {
    String saga = "s-" + UUID.randomUUID();
    return List.of(
        new Published(SagaEvent.CHANNEL,
            new SagaEvent.Started(saga, 1, "converge.PlaceOrderSaga", 2, order, 30_005, 5)),
        new Published(CreditEvent.CHANNEL, new CreditEvent.AccountOpened(customer, 0, "Carol", money("100.00"), 1)),
        new Published(OrderEvent.CHANNEL, new OrderEvent.Placed(order, 1, customer, "card",
            List.of(new OrderLine("widget", 2)), 10)),
        new Published(StockEvent.CHANNEL, new StockEvent.Reserved(order, 1,
            List.of(new PricedLine("widget", 2, money("12.00"))), 20)),
        new Published(CreditEvent.CHANNEL, new CreditEvent.Reserved(customer, 1, order, money("24.00"), 30)),
        new Published(PaymentEvent.CHANNEL, new PaymentEvent.Authorized(order, 1, money("24.00"), 40)),
        new Published(OrderEvent.CHANNEL, new OrderEvent.Approved(order, 2, money("24.00"), 50)),
        new Published(SagaEvent.CHANNEL, new SagaEvent.StateChanged(saga, 2, order, "COMPLETED", "APPROVED", 60)));
  }

  /** An event with the message id its outbox row gave it: the same event published again keeps it. */
  private record Published(String channel, PublishedEvent event, String messageId) {
    Published(String channel, PublishedEvent event) {
      this(channel, event, UUID.randomUUID().toString());
    }
  }

  private void publish(Published published) {
    PublishedEvent event = published.event();
    kafka.send(published.channel(), event.aggregateId(), Map.of("ID", published.messageId(),
            "event-type", MessageCatalog.wireNameOf(event.getClass()), "event-aggregate-id", event.aggregateId(),
            "event-aggregate-type", published.channel()),
        KafkaWireClient.toJson(event));
  }

  private static JsonNode awaitOrder(String order, long version) {
    return http.get().uri("/api/order-history/{id}?minVersion={v}&waitMillis=10000", order, version).retrieve()
        .body(JsonNode.class);
  }

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }
}
