package io.converge.orderhistory;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.converge.contracts.MessageCatalog;
import io.converge.contracts.OrderLine;
import io.converge.contracts.PricedLine;
import io.converge.contracts.customer.CreditEvent;
import io.converge.contracts.events.PublishedEvent;
import io.converge.contracts.inventory.StockEvent;
import io.converge.contracts.order.OrderEvent;
import io.converge.contracts.payment.PaymentEvent;
import io.converge.devinfra.ServiceDatabase;
import io.converge.devinfra.ServiceLauncher;
import io.converge.devinfra.SharedInfrastructure;
import io.converge.orderhistory.model.ReadModels;
import io.converge.orderhistory.projection.ModelRebuilds;
import io.converge.orderhistory.projection.RebuildReport;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How fast the read model is projected live and rebuilt from the log, on real Kafka and PostgreSQL: publishes
 * {@code -Devents=} events (default 1,000,000; five per order, as the place-order saga makes them), waits for the live
 * projection to read them all, then rebuilds. Prints the figures and writes them to
 * {@code target/rebuild-benchmark.md}; asserts nothing and is not part of the build's tests: run it with
 * {@code ./mvnw -o verify -pl participant-services/order-history-service -Dtest=RebuildBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}.
 */
class RebuildBenchmark {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void measure() throws Exception {
    int events = Integer.getInteger("events", 1_000_000);
    ServiceDatabase database = SharedInfrastructure.freshPostgresDatabase("bench_order_history");
    try (ConfigurableApplicationContext service = ServiceLauncher.start(OrderHistoryApplication.application(),
        database, SharedInfrastructure.kafka(), 0, Map.of())) {
      JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
      long publishStart = System.nanoTime();
      int published = publish(events);
      double publishSeconds = (System.nanoTime() - publishStart) / 1e9;

      long liveStart = System.nanoTime();
      String live = service.getBean(ReadModels.class).liveSchema();
      while (read(jdbc, live) < published) {
        Thread.sleep(200);
      }
      double liveSeconds = (System.nanoTime() - liveStart) / 1e9;

      ModelRebuilds rebuilds = service.getBean(ModelRebuilds.class);
      int version = rebuilds.start(false).version();
      RebuildReport report;
      do {
        Thread.sleep(500);
        report = rebuilds.report(version).orElseThrow();
      } while (report.state().equals("BUILDING"));

      String table = String.join("\n", List.of(
          "| measurement | result |",
          "|---|---|",
          String.format("| events published (5 per order, %,d orders) | %,d in %.1f s |", published / 5, published,
              publishSeconds),
          String.format("| live projection, from the first event to the last visible | %.1f s, %,.0f events/s |",
              liveSeconds, published / liveSeconds),
          String.format("| rebuild into a new version, then compare and switch: %s | %,d events, %,.0f events/s |",
              report.state(), report.eventsApplied(), report.eventsPerSecond()),
          String.format("| checksums: orders compared / different; customers compared / different | %s |",
              report.checksums() == null ? report.error() : report.checksums().ordersCompared() + " / "
                  + report.checksums().ordersDifferent() + "; " + report.checksums().customersCompared() + " / "
                  + report.checksums().customersDifferent())));
      System.out.println("\nRead model rebuild\n" + table + "\n");
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target/rebuild-benchmark.md"), table + "\n");
    } finally {
      SharedInfrastructure.postgres().drop(database.name());
    }
  }

  /** The events of {@code events / 5} approved orders over 1,000 customers; returns how many were sent. */
  private static int publish(int events) throws Exception {
    Properties settings = new Properties();
    settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfrastructure.kafka());
    settings.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    settings.put(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(256 * 1024));
    int sent = 0;
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings, new StringSerializer(),
        new StringSerializer())) {
      BigDecimal price = new BigDecimal("12.00");
      BigDecimal total = new BigDecimal("24.00");
      int orders = events / 5;
      long now = System.currentTimeMillis();
      for (int i = 0; i < orders; i++) {
        String order = "bench-" + i;
        String customer = "customer-" + (i % 1000);
        long at = now + i;
        send(producer, OrderEvent.CHANNEL, new OrderEvent.Placed(order, 1, customer, "card",
            List.of(new OrderLine("widget", 2)), at));
        send(producer, StockEvent.CHANNEL, new StockEvent.Reserved(order, 1,
            List.of(new PricedLine("widget", 2, price)), at + 1));
        send(producer, CreditEvent.CHANNEL, new CreditEvent.Reserved(customer, i / 1000 + 1, order, total, at + 2));
        send(producer, PaymentEvent.CHANNEL, new PaymentEvent.Authorized(order, 1, total, at + 3));
        send(producer, OrderEvent.CHANNEL, new OrderEvent.Approved(order, 2, total, at + 4));
        sent += 5;
      }
      producer.flush();
    }
    return sent;
  }

  private static void send(KafkaProducer<String, String> producer, String channel, PublishedEvent event)
      throws Exception {
    Map<String, String> headers = Map.of("ID", UUID.randomUUID().toString(), "event-type",
        MessageCatalog.wireNameOf(event.getClass()), "event-aggregate-id", event.aggregateId(),
        "event-aggregate-type", channel);
    String value = JSON.writeValueAsString(Map.of("payload", JSON.writeValueAsString(event), "headers", headers));
    producer.send(new ProducerRecord<>(channel, event.aggregateId(), value));
  }

  /** Events the version has read: the sum of its next offsets. */
  private static long read(JdbcTemplate jdbc, String schema) {
    Long read = jdbc.queryForObject("SELECT COALESCE(SUM(next_offset), 0) FROM " + schema + ".read_positions",
        Long.class);
    return read == null ? 0 : read;
  }
}
