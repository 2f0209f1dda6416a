package io.converge.orchestrator.participants;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the participants are, under {@code converge.participants}: the base URLs of their own APIs (the sagas'
 * invariants read their state there, and a cancellation checks the order first), of their actuators
 * ({@code management.<service>=http://host:port}, by default the API's port + 1000), and the bearer token the
 * dashboard lists and replays their dead letters with (an OPERATOR's; none: the dashboard says so). The order history
 * ({@code order-history-service}), when given, is compared with them too (with that token: a VIEWER's is enough).
 */
@ConfigurationProperties("converge.participants")
public record ParticipantUrls(@DefaultValue("http://localhost:8081") String orderService,
                              @DefaultValue("http://localhost:8082") String inventoryService,
                              @DefaultValue("http://localhost:8083") String customerService,
                              @DefaultValue("http://localhost:8084") String paymentService,
                              @DefaultValue Map<String, String> management,
                              String token,
                              String orderHistoryService) {

  /** Service name → its API's base URL. */
  public Map<String, String> apis() {
    Map<String, String> apis = new LinkedHashMap<>();
    apis.put("order-service", orderService);
    apis.put("inventory-service", inventoryService);
    apis.put("customer-service", customerService);
    apis.put("payment-service", paymentService);
    return apis;
  }

  /** The base URL of the service's actuator. */
  public String managementOf(String service) {
    String configured = management.get(service);
    if (configured != null) {
      return configured;
    }
    URI api = URI.create(apis().get(service));
    return api.getScheme() + "://" + api.getHost() + ":" + (api.getPort() + 1000);
  }

  public boolean hasToken() {
    return token != null && !token.isBlank();
  }
}
