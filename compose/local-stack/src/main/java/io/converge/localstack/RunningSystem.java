package io.converge.localstack;

import io.converge.customer.CustomerServiceApplication;
import io.converge.devinfra.DatabaseServer;
import io.converge.devinfra.JavaCommand;
import io.converge.devinfra.PostgresServer;
import io.converge.devinfra.ServiceDatabase;
import io.converge.devinfra.ServiceDatabases;
import io.converge.devinfra.ServiceLauncher;
import io.converge.inventory.InventoryServiceApplication;
import io.converge.orchestrator.SagaOrchestratorApplication;
import io.converge.order.OrderServiceApplication;
import io.converge.orderhistory.OrderHistoryApplication;
import io.converge.payment.PaymentServiceApplication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The orchestrator, the four participants and the order history running in this JVM, each on its own port and
 * database (the order history's in PostgreSQL, the others' in MariaDB/MySQL).
 */
public final class RunningSystem implements AutoCloseable {

  /** Service name → its main class, how to build it in this JVM, its default port, its database and where it is. */
  record Service(String name, Class<?> mainClass, Supplier<SpringApplicationBuilder> application, int defaultPort,
                 String database, boolean inPostgres) {

    Service(String name, Class<?> mainClass, Supplier<SpringApplicationBuilder> application, int defaultPort,
            String database) {
      this(name, mainClass, application, defaultPort, database, false);
    }
  }

  static final List<Service> SERVICES = List.of(
      new Service("saga-orchestrator", SagaOrchestratorApplication.class,
          SagaOrchestratorApplication::application, 8080, "orchestrator"),
      new Service("order-service", OrderServiceApplication.class,
          OrderServiceApplication::application, 8081, "order"),
      new Service("inventory-service", InventoryServiceApplication.class,
          InventoryServiceApplication::application, 8082, "inventory"),
      new Service("customer-service", CustomerServiceApplication.class,
          CustomerServiceApplication::application, 8083, "customer"),
      new Service("payment-service", PaymentServiceApplication.class,
          PaymentServiceApplication::application, 8084, "payment"),
      new Service("order-history-service", OrderHistoryApplication.class,
          OrderHistoryApplication::application, 8085, "order_history", true));

  private final Map<String, ConfigurableApplicationContext> contexts;
  private final Map<String, ServiceDatabase> databases;
  private final String kafkaBootstrap;
  private final Map<String, Map<String, Object>> serviceProperties;
  private final Map<String, Integer> stoppedPorts = new java.util.HashMap<>();
  private final Map<String, Integer> stoppedManagementPorts = new java.util.HashMap<>();

  private RunningSystem(Map<String, ConfigurableApplicationContext> contexts, Map<String, ServiceDatabase> databases,
                        String kafkaBootstrap, Map<String, Map<String, Object>> serviceProperties) {
    this.contexts = contexts;
    this.databases = databases;
    this.kafkaBootstrap = kafkaBootstrap;
    this.serviceProperties = serviceProperties;
  }

  /**
   * @param databasePrefix databases are named {@code <prefix>_<service>}
   * @param fixedPorts     use the default ports (8080-8084) rather than free ones
   */
  public static RunningSystem start(DatabaseServer databaseServer, PostgresServer postgres, String kafkaBootstrap,
                                    String databasePrefix, boolean fixedPorts, Map<String, Object> extraProperties) {
    Map<String, ConfigurableApplicationContext> contexts = new LinkedHashMap<>();
    Map<String, ServiceDatabase> databases = new LinkedHashMap<>();
    Map<String, Map<String, Object>> serviceProperties = new LinkedHashMap<>();
    try {
      // Participants first, so the orchestrator's first commands find their consumers subscribed.
      List<Service> order = new ArrayList<>(SERVICES.subList(1, SERVICES.size()));
      // Benchmarks measure the system without a part (the read side, say): -Dconverge.local-stack.without=<service>.
      List<String> without = List.of(System.getProperty("converge.local-stack.without", "").split(","));
      order.removeIf(service -> without.contains(service.name()));
      order.add(SERVICES.get(0));
      for (Service service : order) {
        String databaseName = databasePrefix + "_" + service.database();
        ServiceDatabase database = service.inPostgres() ? postgres.provision(databaseName)
            : ServiceDatabases.provision(databaseServer, databaseName);
        databases.put(service.name(), database);
        Map<String, Object> properties = new LinkedHashMap<>(extraProperties);
        if (service.name().equals("saga-orchestrator")) {
          properties.putAll(participantUrls(contexts));
        }
        serviceProperties.put(service.name(), properties);
        contexts.put(service.name(), ServiceLauncher.start(service.application().get(), database, kafkaBootstrap,
            fixedPorts ? service.defaultPort() : 0, properties));
      }
    } catch (RuntimeException e) {
      contexts.values().forEach(ConfigurableApplicationContext::close);
      throw e;
    }
    return new RunningSystem(contexts, databases, kafkaBootstrap, serviceProperties);
  }

  /** Stops one service, as if its process died; its database and its messages stay. */
  public synchronized void stop(String service) {
    ConfigurableApplicationContext context = contexts.remove(service);
    stoppedPorts.put(service, ((WebServerApplicationContext) context).getWebServer().getPort());
    stoppedManagementPorts.put(service, managementPortOf(context));
    context.close();
  }

  /** Starts a stopped service again on its database and its former port. */
  public synchronized void restart(String service) {
    restart(service, Map.of());
  }

  /**
   * Starts a stopped service again with some properties changed for this run only (another release of it, say); a
   * later {@link #restart(String)} starts it as configured at first.
   */
  public synchronized void restart(String service, Map<String, Object> changedProperties) {
    Map<String, Object> properties = new LinkedHashMap<>(serviceProperties.get(service));
    properties.put("management.server.port", stoppedManagementPorts.remove(service));
    properties.putAll(changedProperties);
    contexts.put(service, ServiceLauncher.start(definition(service).application().get(), databases.get(service),
        kafkaBootstrap, stoppedPorts.remove(service), properties));
  }

  /**
   * Another instance of a running service in this JVM, on the same database and Kafka and any free port: for
   * scenarios with two instances (timers fired once, one active relay). The caller closes it.
   */
  public synchronized ConfigurableApplicationContext startAnotherInstance(String service) {
    return ServiceLauncher.start(definition(service).application().get(), databases.get(service), kafkaBootstrap, 0,
        serviceProperties.get(service));
  }

  /**
   * The command that runs a stopped service as its own process, from this JVM's class path, on its database and its
   * former port (so {@link #url} reaches it): for faults that need a real process, such as SIGKILL.
   */
  public synchronized List<String> processCommand(String service, List<String> jvmOptions) {
    Map<String, Object> properties = new LinkedHashMap<>(serviceProperties.get(service));
    properties.put("management.server.port", managementPort(service));
    return JavaCommand.of("384m", jvmOptions, definition(service).mainClass(), List.of(ServiceLauncher.arguments(
        databases.get(service), kafkaBootstrap, port(service), properties)));
  }

  private static Service definition(String service) {
    return SERVICES.stream().filter(s -> s.name().equals(service)).findFirst().orElseThrow();
  }

  /**
   * The orchestrator's reconciler reads the participants through their APIs, and its dashboard their actuators,
   * wherever they listen.
   */
  private static Map<String, Object> participantUrls(Map<String, ConfigurableApplicationContext> participants) {
    Map<String, Object> urls = new LinkedHashMap<>();
    participants.forEach((name, context) -> {
      if (definition(name).inPostgres()) {
        // The order history is no saga participant: the reconciler compares it with them, nothing more.
        urls.put("converge.participants.order-history-service",
            "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort());
        return;
      }
      urls.put("converge.participants." + camelCase(name),
          "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort());
      urls.put("converge.participants.management." + name, "http://localhost:" + managementPortOf(context));
    });
    return urls;
  }

  private static String camelCase(String serviceName) {
    int dash = serviceName.indexOf('-');
    return serviceName.substring(0, dash) + Character.toUpperCase(serviceName.charAt(dash + 1))
        + serviceName.substring(dash + 2);
  }

  public String url(String service) {
    return "http://localhost:" + port(service);
  }

  /** The service's port, also while it is stopped or runs as its own process. */
  public synchronized int port(String service) {
    ConfigurableApplicationContext context = contexts.get(service);
    return context != null ? ((WebServerApplicationContext) context).getWebServer().getPort()
        : stoppedPorts.get(service);
  }

  /** Where the service's actuator listens (health, Prometheus): a port of its own. */
  public String managementUrl(String service) {
    return "http://localhost:" + managementPort(service);
  }

  /** The service's management port, also while it is stopped or runs as its own process. */
  public synchronized int managementPort(String service) {
    ConfigurableApplicationContext context = contexts.get(service);
    return context != null ? managementPortOf(context) : stoppedManagementPorts.get(service);
  }

  private static int managementPortOf(ConfigurableApplicationContext context) {
    return context.getEnvironment().getRequiredProperty("local.management.port", Integer.class);
  }

  public ServiceDatabase database(String service) {
    return databases.get(service);
  }

  public ConfigurableApplicationContext context(String service) {
    return contexts.get(service);
  }

  public String kafkaBootstrap() {
    return kafkaBootstrap;
  }

  @Override
  public void close() {
    List<ConfigurableApplicationContext> all = new ArrayList<>(contexts.values());
    java.util.Collections.reverse(all);
    all.forEach(ConfigurableApplicationContext::close);
  }
}
