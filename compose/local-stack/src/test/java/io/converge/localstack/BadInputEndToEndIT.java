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

  /**
   * Refused before the order is placed: Spring alone would find out only when writing the 202, after the commit. (An
   * Accept that takes JSON among others places it: PlaceOrderEndToEndIT.)
   */
  @Test
  void anAcceptHeaderTakingNoJsonIs406AndPlacesNothing() throws Exception {
    String valid = json(TestSystem.order(TestSystem.newCustomer("100.00"), TestSystem.newProduct("1.00", 10), 1,
        "card"));
    for (String accept : List.of("application/xml", "text/html", "text/*", "no/such;;type")) {
      JsonNode problem = assertRejectedAndNothingStored(post(valid, "application/json", accept), 406);
      assertThat(problem.get("detail").asText()).as(accept).contains("application/json");
    }
  }

  @Test
  void aChunkedBodyOverOneMebibyteIs413() throws Exception {
    byte[] huge = ("{\"customerId\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}").getBytes();
    long sagasBefore = count("saga-orchestrator", "SELECT COUNT(*) FROM saga_summary");
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
            URI.create(TestSystem.get().url("saga-orchestrator") + "/api/orders"))
        .header("Content-Type", "application/json")
        // No length known in advance: the client sends it chunked.
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertProblem(response, 413);
    assertThat(count("saga-orchestrator", "SELECT COUNT(*) FROM saga_summary")).isEqualTo(sagasBefore);
  }

  @Test
  void moneyWithMoreDigitsThanItsColumnIs400() throws Exception {
    String sku = "digits-" + java.util.UUID.randomUUID();
    for (String price : List.of("1e20", "123456789012.00", "0.005", "1e999999999")) {
      HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
              URI.create(TestSystem.get().url("inventory-service") + "/api/products/" + sku))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\",\"price\":" + price + ",\"onHand\":1}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(assertProblem(response, 400).get("errors").toString()).as(price).contains("price");
    }
    HttpResponse<String> customer = HTTP.send(HttpRequest.newBuilder(
            URI.create(TestSystem.get().url("customer-service") + "/api/customers/" + sku))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\",\"creditLimit\":1e999999999}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(assertProblem(customer, 400).get("errors").toString()).contains("creditLimit");
    assertThat(count("inventory-service", "SELECT COUNT(*) FROM products WHERE sku = '" + sku + "'")).isZero();
  }

  @Test
  void queriesMatchingNoOrMoreThanOneReadAre400() throws Exception {
    String payments = TestSystem.get().url("payment-service") + "/api/payments";
    for (String query : List.of("?orderId=a&orderIds=b", "?changedSince=2026-01-01T00:00:00Z&orderId=a", "")) {
      assertProblem(viewerGet(payments + query), 400);
    }
    String reviews = TestSystem.get().url("payment-service") + "/api/reviews/";
    for (String id : List.of("bad%20id", "x".repeat(65), "a%00b")) {
      assertProblem(viewerGet(reviews + id), 400);
    }
  }

  /** URLs Spring Security's firewall refuses get problem+json like every other error. */
  @Test
  void urlsTheFirewallRefusesGetProblemJson() throws Exception {
    for (String path : List.of("/api/sagas/x;a=b", "/api/sagas/x%25y", "/api//sagas")) {
      assertRawProblem(raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"), path);
    }
  }

  /** HEAD is served by the GET handler: it needs the same role, or it would tell whether a thing exists. */
  @Test
  void headOnAProtectedReadNeedsItsRole() throws Exception {
    for (String path : List.of("/api/sagas?state=NEEDS_ATTENTION", "/api/dead-letters")) {
      HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(
              URI.create(TestSystem.get().url("saga-orchestrator") + path))
          .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
      assertThat(response.statusCode()).as(path).isEqualTo(401);
    }
  }

  private static HttpResponse<String> viewerGet(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + TestSystem.VIEWER_TOKEN).GET().build(),
        HttpResponse.BodyHandlers.ofString());
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
    return post(body, contentType, "application/json");
  }

  private static HttpResponse<String> post(String body, String contentType, String accept) throws Exception {
    long sagasBefore = count("saga-orchestrator", "SELECT COUNT(*) FROM saga_summary");
    long outboxBefore = count("saga-orchestrator", "SELECT COUNT(*) FROM message");
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
            URI.create(TestSystem.get().url("saga-orchestrator") + "/api/orders"))
        .header("Content-Type", contentType).header("Accept", accept)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
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
