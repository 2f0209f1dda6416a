package io.converge.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input gets RFC 9457 problem+json with its status, never a stack trace, and stores nothing. */
class BadInputEndToEndIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void startSystem() {
    TestSystem.get();
  }

  @Test
  void malformedJsonIs400() throws Exception {
    assertRejectedAndNothingStored(post("{\"customerId\": \"alice\", \"lines\": [", "application/json"), 400);
  }

  @Test
  void missingLinesIs400WithTheField() throws Exception {
    JsonNode problem = assertRejectedAndNothingStored(
        post("{\"customerId\":\"alice\",\"lines\":[],\"paymentMethod\":\"card\"}", "application/json"), 400);
    assertThat(problem.get("errors").toString()).contains("lines");
  }

  @Test
  void zeroQuantityIs400WithTheField() throws Exception {
    JsonNode problem = assertRejectedAndNothingStored(post(json(Map.of("customerId", "alice",
        "lines", List.of(Map.of("sku", "widget", "quantity", 0)), "paymentMethod", "card")), "application/json"), 400);
    assertThat(problem.get("errors").toString()).contains("lines[0].quantity");
  }

  @Test
  void blankIdsAre400WithTheFields() throws Exception {
    JsonNode problem = assertRejectedAndNothingStored(post(json(Map.of("customerId", " ",
        "lines", List.of(Map.of("sku", "", "quantity", 1)), "paymentMethod", "card")), "application/json"), 400);
    assertThat(problem.get("errors").toString()).contains("customerId").contains("lines[0].sku");
  }

  @Test
  void tooManyLinesIs400() throws Exception {
    List<Map<String, Object>> lines = IntStream.range(0, 101)
        .mapToObj(i -> Map.<String, Object>of("sku", "sku-" + i, "quantity", 1)).toList();
    JsonNode problem = assertRejectedAndNothingStored(post(json(Map.of("customerId", "alice", "lines", lines,
        "paymentMethod", "card")), "application/json"), 400);
    assertThat(problem.get("errors").toString()).contains("lines");
  }

  @Test
  void unknownFieldsAre400() throws Exception {
    JsonNode problem = assertRejectedAndNothingStored(post(json(Map.of("customerId", "alice",
        "lines", List.of(Map.of("sku", "widget", "quantity", 1)), "paymentMethod", "card", "discount", 50)),
        "application/json"), 400);
    assertThat(problem.get("detail").asText()).contains("discount");
  }

  @Test
  void wrongContentTypeIs415() throws Exception {
    assertRejectedAndNothingStored(post("customerId=alice", "text/plain"), 415);
  }

  @Test
  void aBodyOverOneMebibyteIs413() throws Exception {
    String huge = "{\"customerId\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";
    assertRejectedAndNothingStored(post(huge, "application/json"), 413);
  }

  @Test
  void anUnknownSagaIs404Problem() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
        URI.create(TestSystem.get().url("saga-orchestrator") + "/api/sagas/no-such-saga")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertProblem(response, 404);
  }

  @Test
  void anInvalidWaitIs400Problem() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
        URI.create(TestSystem.get().url("saga-orchestrator") + "/api/sagas/x?wait=soon")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertProblem(response, 400);
  }

  private static JsonNode assertRejectedAndNothingStored(HttpResponse<String> response, int status) throws Exception {
    // post() has already checked that no saga and no outbox row was stored.
    return assertProblem(response, status);
  }

  private static JsonNode assertProblem(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("type").asText()).startsWith("https://converge.io/problems/");
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    return problem;
  }

  private static HttpResponse<String> post(String body, String contentType) throws Exception {
    long sagasBefore = count("saga-orchestrator", "SELECT COUNT(*) FROM saga_summary");
    long outboxBefore = count("saga-orchestrator", "SELECT COUNT(*) FROM message");
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
            URI.create(TestSystem.get().url("saga-orchestrator") + "/api/orders"))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(count("saga-orchestrator", "SELECT COUNT(*) FROM saga_summary")).isEqualTo(sagasBefore);
    assertThat(count("saga-orchestrator", "SELECT COUNT(*) FROM message")).isEqualTo(outboxBefore);
    return response;
  }

  private static long count(String service, String sql) {
    Long count = TestSystem.jdbc(service).queryForObject(sql, Long.class);
    return count == null ? 0 : count;
  }

  private static String json(Object value) throws Exception {
    return JSON.writeValueAsString(value);
  }
}
