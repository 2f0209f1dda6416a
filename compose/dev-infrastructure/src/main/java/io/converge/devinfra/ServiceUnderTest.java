package io.converge.devinfra;

import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.web.client.RestClient;

/**
 * One service under test per test class (register it with {@code @RegisterExtension} on a static field): started once
 * before the class's tests on the shared database server and broker, in a database of its own, with a client for its
 * Kafka channels and one for its HTTP API; stopped, and its database dropped, after them.
 */
public final class ServiceUnderTest implements BeforeAllCallback, AfterAllCallback {

  private final Supplier<SpringApplicationBuilder> application;
  private final String databasePrefix;
  private final Map<String, Object> properties;
  private RunningService service;
  private KafkaWireClient wire;
  private RestClient http;

  public ServiceUnderTest(Supplier<SpringApplicationBuilder> application, String databasePrefix) {
    this(application, databasePrefix, Map.of());
  }

  /** @param properties set for this test class only, over the service's own defaults */
  public ServiceUnderTest(Supplier<SpringApplicationBuilder> application, String databasePrefix,
                          Map<String, Object> properties) {
    this.application = application;
    this.databasePrefix = databasePrefix;
    this.properties = Map.copyOf(properties);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    service = RunningService.start(application.get(), databasePrefix, properties);
    wire = new KafkaWireClient(SharedInfrastructure.kafka());
    http = RestClient.create(service.baseUrl());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    wire.close();
    service.close();
  }

  public RunningService service() {
    return service;
  }

  public KafkaWireClient wire() {
    return wire;
  }

  public RestClient http() {
    return http;
  }
}
