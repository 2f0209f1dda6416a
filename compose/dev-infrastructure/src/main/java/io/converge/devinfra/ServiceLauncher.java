package io.converge.devinfra;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts one service against a given database and Kafka: the local stack and the tests start services this way. */
public final class ServiceLauncher {

  private ServiceLauncher() {
  }

  /**
   * @param port 0 for any free port (the actuator's management port then is any free port too)
   * @param extraProperties more settings (later ones win)
   */
  public static ConfigurableApplicationContext start(SpringApplicationBuilder service, ServiceDatabase database,
      String kafkaBootstrap, int port, Map<String, Object> extraProperties) {
    return service.run(arguments(database, kafkaBootstrap, port, extraProperties));
  }

  /**
   * The command-line arguments that point a service at its database and Kafka: also for a service started as its own
   * process. Command-line arguments have the highest precedence: they beat each service's own defaults file.
   */
  public static String[] arguments(ServiceDatabase database, String kafkaBootstrap, int port,
                                   Map<String, Object> extraProperties) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("spring.datasource.url", database.jdbcUrl());
    properties.put("spring.datasource.username", database.user());
    properties.put("spring.datasource.password", database.password());
    properties.put("eventuatelocal.kafka.bootstrap.servers", kafkaBootstrap);
    properties.put("server.port", port);
    if (port == 0) {
      properties.put("management.server.port", 0);
    }
    properties.putAll(extraProperties);
    return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
  }
}
