package io.converge.devinfra;

import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A service started for a test class on the shared database server and broker, in a database of its own. */
public final class RunningService implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final ServiceDatabase database;

  private RunningService(ConfigurableApplicationContext context, ServiceDatabase database) {
    this.context = context;
    this.database = database;
  }

  public static RunningService start(SpringApplicationBuilder service, String databasePrefix,
                                     Map<String, Object> extraProperties) {
    ServiceDatabase database = SharedInfrastructure.freshDatabase(databasePrefix);
    ConfigurableApplicationContext context = ServiceLauncher.start(service, database,
        SharedInfrastructure.kafka(), 0, extraProperties);
    return new RunningService(context, database);
  }

  public String baseUrl() {
    return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  public ConfigurableApplicationContext context() {
    return context;
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public ServiceDatabase database() {
    return database;
  }

  @Override
  public void close() {
    context.close();
    ServiceDatabases.drop(SharedInfrastructure.database(), database.name());
  }
}
