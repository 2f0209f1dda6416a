package io.converge.localstack.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The work the whole system did, as counters read before and after a run: the database server's statement counters
 * (all five services' databases share it), and each service's own counters from its Prometheus endpoint (records its
 * relay published, Kafka produce requests and bytes, bytes the JVM allocated). Divided by the sagas a run completed,
 * they say what one saga costs, besides its CPU time ({@link SystemUsage}).
 */
record WorkCounters(Map<String, Double> values) {

  private static final List<String> DATABASE = List.of("Questions", "Com_select", "Com_insert", "Com_update",
      "Com_delete", "Com_commit");
  private static final Map<String, String> PROMETHEUS = Map.of(
      "records", "converge_outbox_relay_published_total",
      "produce requests", "kafka_producer_request_total",
      "produced bytes", "kafka_producer_outgoing_byte_total");
  private static final String ALLOCATED = "jvm_gc_memory_allocated_bytes_total";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /**
   * @param database JDBC URL of the database server (with an account that may read its global status)
   * @param host     where the services' management ports (9080-9084) answer
   */
  static WorkCounters read(String database, String host) {
    Map<String, Double> values = new LinkedHashMap<>();
    try (Connection connection = DriverManager.getConnection(database);
         Statement statement = connection.createStatement();
         ResultSet status = statement.executeQuery("SHOW GLOBAL STATUS")) {
      while (status.next()) {
        if (DATABASE.contains(status.getString(1))) {
          values.put(status.getString(1), Double.parseDouble(status.getString(2)));
        }
      }
    } catch (SQLException e) {
      System.out.println("(database counters not read: " + e.getMessage() + ")");
    }
    for (int port = 9080; port <= 9084; port++) {
      String metrics = scrape("http://" + host + ":" + port + "/actuator/prometheus");
      PROMETHEUS.forEach((name, metric) -> values.merge(name, sum(metrics, metric), Double::sum));
      if (port == 9080) {
        // One JVM runs every service of the local stack: its allocation is read once.
        values.put("allocated bytes", sum(metrics, ALLOCATED));
      }
    }
    return new WorkCounters(values);
  }

  /** What each saga cost between two readings: counter deltas divided by sagas completed. */
  static String perSaga(WorkCounters before, WorkCounters after, long sagas) {
    if (sagas == 0) {
      return "no saga completed";
    }
    StringBuilder line = new StringBuilder();
    double statements = delta(before, after, "Questions");
    line.append(String.format("%.0f SQL statements (%.0f select, %.0f insert, %.0f update, %.0f delete, %.0f commit)",
        statements / sagas, delta(before, after, "Com_select") / sagas, delta(before, after, "Com_insert") / sagas,
        delta(before, after, "Com_update") / sagas, delta(before, after, "Com_delete") / sagas,
        delta(before, after, "Com_commit") / sagas));
    line.append(String.format("; %.1f Kafka records, %.1f produce requests, %.0f bytes produced",
        delta(before, after, "records") / sagas, delta(before, after, "produce requests") / sagas,
        delta(before, after, "produced bytes") / sagas));
    line.append(String.format("; %.1f MiB allocated", delta(before, after, "allocated bytes") / sagas / 1048576));
    return line.toString();
  }

  private static double delta(WorkCounters before, WorkCounters after, String name) {
    return after.values.getOrDefault(name, 0.0) - before.values.getOrDefault(name, 0.0);
  }

  private static String scrape(String url) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (Exception e) {
      return "";
    }
  }

  /** The sum of every series of a metric (all its tags). */
  private static double sum(String metrics, String name) {
    Matcher series = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(metrics);
    double total = 0;
    while (series.find()) {
      total += Double.parseDouble(series.group(2));
    }
    return total;
  }
}
