package io.converge.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Operator endpoints on every service, behind Spring Security: without a token 401, with a viewer's token on an action
 * 403, both problem+json; a viewer reads, an operator acts. The business API stays open.
 */
class OperatorSecurityEndToEndIT {

  private record Endpoint(String service, HttpMethod method, String path) {
  }

  private static final List<Endpoint> ACTIONS = List.of(
      new Endpoint("saga-orchestrator", HttpMethod.POST, "/api/sagas/no-such-saga/retry"),
      new Endpoint("saga-orchestrator", HttpMethod.POST, "/api/sagas/no-such-saga/resolve"),
      new Endpoint("saga-orchestrator", HttpMethod.POST, "/api/consistency/checks"),
      new Endpoint("saga-orchestrator", HttpMethod.POST, "/api/dead-letters/1/replay"),
      new Endpoint("order-service", HttpMethod.POST, "/api/dead-letters/1/replay"),
      new Endpoint("inventory-service", HttpMethod.POST, "/api/dead-letters/1/replay"),
      new Endpoint("customer-service", HttpMethod.POST, "/api/dead-letters/1/replay"),
      new Endpoint("payment-service", HttpMethod.POST, "/api/dead-letters/1/replay"));

  private static final List<Endpoint> READS = List.of(
      new Endpoint("saga-orchestrator", HttpMethod.GET, "/api/sagas?state=NEEDS_ATTENTION"),
      new Endpoint("saga-orchestrator", HttpMethod.GET, "/api/consistency"),
      new Endpoint("saga-orchestrator", HttpMethod.GET, "/api/dead-letters"),
      new Endpoint("order-service", HttpMethod.GET, "/api/dead-letters"),
      new Endpoint("payment-service", HttpMethod.GET, "/api/dead-letters"));

  @BeforeAll
  static void startSystem() {
    TestSystem.get();
  }

  @Test
  void everyOperatorActionNeedsAnOperator() {
    for (Endpoint action : ACTIONS) {
      assertProblem(call(TestSystem.anonymous(action.service()), action), 401, action);
      assertProblem(call(withToken(action.service(), "not-a-token"), action), 401, action);
      assertProblem(call(TestSystem.viewer(action.service()), action), 403, action);
      assertThat(call(TestSystem.http(action.service()), action).getStatusCode().value()).as(action.toString())
          .isNotIn(401, 403);
    }
  }

  @Test
  void operatorReadsNeedAViewerAndTheBusinessApiStaysOpen() {
    for (Endpoint read : READS) {
      assertProblem(call(TestSystem.anonymous(read.service()), read), 401, read);
      assertThat(call(TestSystem.viewer(read.service()), read).getStatusCode().value()).as(read.toString())
        .isEqualTo(200);
    }
    for (String service : List.of("saga-orchestrator", "order-service", "payment-service")) {
      // The actuator listens on a management port of its own, with only health and Prometheus scraping.
      RestClient management = RestClient.create(TestSystem.get().managementUrl(service));
      assertThat(status(management, "/actuator/health")).isEqualTo(200);
      assertThat(status(management, "/actuator/prometheus")).isEqualTo(200);
      // Anything else needs an operator there, and is not exposed even to one.
      assertThat(status(management, "/actuator/env")).isEqualTo(401);
      RestClient operatorOnManagement = RestClient.builder().baseUrl(TestSystem.get().managementUrl(service))
          .defaultHeader("Authorization", "Bearer " + TestSystem.OPERATOR_TOKEN).build();
      assertThat(status(operatorOnManagement, "/actuator/env")).isEqualTo(404);
      assertThat(status(operatorOnManagement, "/actuator/heapdump")).isEqualTo(404);
      assertThat(status(TestSystem.http(service), "/actuator/health")).as("no actuator on the API port")
          .isEqualTo(404);
    }
    JsonNode placed = TestSystem.anonymous("saga-orchestrator").post().uri("/api/orders")
        .contentType(MediaType.APPLICATION_JSON).body(TestSystem.order(TestSystem.newCustomer("100.00"),
            TestSystem.newProduct("1.00", 5), 1, "card")).retrieve().body(JsonNode.class);
    assertThat(status(TestSystem.anonymous("saga-orchestrator"), "/api/sagas/" + placed.get("sagaId").asText()))
        .isEqualTo(200);
  }

  private static void assertProblem(ResponseEntity<JsonNode> response, int status, Endpoint endpoint) {
    assertThat(response.getStatusCode().value()).as(endpoint.toString()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType()).as(endpoint.toString())
        .hasToString("application/problem+json");
    assertThat(response.getBody().get("status").asInt()).isEqualTo(status);
    if (status == 401) {
      assertThat(response.getHeaders().getFirst("WWW-Authenticate")).as(endpoint.toString()).startsWith("Bearer");
    }
  }

  private static int status(RestClient client, String path) {
    Integer status = client.get().uri(path).exchange((request, response) -> response.getStatusCode().value());
    return status;
  }

  private static RestClient withToken(String service, String token) {
    return RestClient.builder().baseUrl(TestSystem.get().url(service))
        .defaultHeader("Authorization", "Bearer " + token).build();
  }

  private static ResponseEntity<JsonNode> call(RestClient client, Endpoint endpoint) {
    return client.method(endpoint.method()).uri(endpoint.path()).contentType(MediaType.APPLICATION_JSON)
        .body("{\"comment\":\"security test\"}")
        .exchange((request, response) -> ResponseEntity.status(response.getStatusCode())
            .headers(response.getHeaders()).body(response.bodyTo(JsonNode.class)));
  }
}
