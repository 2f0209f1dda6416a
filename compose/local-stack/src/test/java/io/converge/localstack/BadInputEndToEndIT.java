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
  void aQuantityThatIsNoWholeNumberIs400() throws Exception {
    for (String quantity : List.of("2.5", "\"2\"", "true", "1e400")) {
      assertRejectedAndNothingStored(post(body("\"alice\"", quantity), "application/json"), 400);
    }
  }

  @Test
  void anIdGivenAsANumberADuplicateKeyAndTrailingGarbageAre400() throws Exception {
    assertRejectedAndNothingStored(post(body("42", "1"), "application/json"), 400);
    assertRejectedAndNothingStored(post("{\"customerId\":\"alice\"," + body("\"bob\"", "1").substring(1),
        "application/json"), 400);
    assertRejectedAndNothingStored(post(body("\"alice\"", "1") + " {}", "application/json"), 400);
  }

  /** Each id as a JSON string literal, escapes and all: SQL, HTML, NUL, control characters, a lone surrogate. */
  @Test
  void idsCarryingSqlHtmlNulControlCharactersOrALoneSurrogateAre400() throws Exception {
    for (String id : List.of("\"alice' OR '1'='1\"", "\"<script>alert(1)</script>\"", "\"ali\\u0000ce\"",
        "\"ali\\nce\"", "\"ali\\u0007ce\"", "\"\\ud800\"", "\"../etc/passwd\"", "\"alice bob\"")) {
      JsonNode problem = assertRejectedAndNothingStored(post(body(id, "1"), "application/json"), 400);
      assertThat(problem.toString()).as(id).contains("customerId");
    }
  }

  private static String body(String customerIdLiteral, String quantityLiteral) {
    return "{\"customerId\":" + customerIdLiteral + ",\"lines\":[{\"sku\":\"widget\",\"quantity\":" + quantityLiteral
        + "}],\"paymentMethod\":\"card\"}";
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

  /** What Tomcat refuses before Spring sees the request answers problem+json too, never Tomcat's HTML page. */
  @Test
  void requestsTheServletContainerRefusesGetProblemJson() throws Exception {
    for (String path : List.of("/api/sagas/%zz", "/api/sagas/..%2F..%2Fetc%2Fpasswd", "/api/sagas/" + "x".repeat(10_000))) {
      assertRawProblem(raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
          path.length() > 60 ? path.substring(0, 60) : path);
    }
    assertRawProblem(raw("GET /api/sagas/x HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "y".repeat(64 * 1024)
        + "\r\nConnection: close\r\n\r\n"), "a 64 KiB header");
  }

  private static void assertRawProblem(String response, String what) throws Exception {
    int status = Integer.parseInt(response.substring(9, 12));
    assertThat(status).as(what).isBetween(400, 499);
    String headers = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase();
    assertThat(headers).as(what).contains("content-type: application/problem+json");
    String body = response.substring(response.indexOf("\r\n\r\n") + 4);
    if (headers.contains("transfer-encoding: chunked")) {
      body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("}") + 1);
    }
    JsonNode problem = JSON.readTree(body);
    assertThat(problem.get("status").asInt()).as(what).isEqualTo(status);
    assertThat(problem.get("type").asText()).as(what).startsWith("https://converge.io/problems/");
    assertThat(body).as(what).doesNotContainIgnoringCase("<html").doesNotContain("Tomcat");
  }

  /** A request written on the socket as it is: an HTTP client would refuse to send most of these. */
  private static String raw(String request) throws Exception {
    URI base = URI.create(TestSystem.get().url("saga-orchestrator"));
    try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
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
