package io.converge.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docker-compose cannot run here (no Docker engine); this checks the topology it describes instead. */
class ComposeFileTest {

  private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

  @SuppressWarnings("unchecked")
  private static final Map<String, Map<String, Object>> SERVICES = (Map<String, Map<String, Object>>) load()
      .get("services");

  @Test
  void runsKafkaInKraftMode() {
    Map<String, Object> kafka = SERVICES.get("kafka");
    assertThat((String) kafka.get("image")).startsWith("apache/kafka:");
    assertThat(env(kafka).get("KAFKA_PROCESS_ROLES")).contains("broker").contains("controller");
  }

  @Test
  void everyServiceIsBuiltFromThisRepoWithItsOwnMysql8AndPort() throws IOException {
    for (RunningSystem.Service service : RunningSystem.SERVICES) {
      Map<String, Object> app = SERVICES.get(service.name());
      assertThat(app).as(service.name()).isNotNull();

      Map<String, Object> build = map(app.get("build"));
      assertThat(build.get("dockerfile")).isEqualTo("compose/Dockerfile");
      String module = (String) map(build.get("args")).get("SERVICE");
      assertThat(REPO.resolve(module).resolve("pom.xml")).exists();
      assertThat(Files.readString(REPO.resolve(module).resolve("pom.xml")))
          .contains("<artifactId>" + map(build.get("args")).get("JAR") + "</artifactId>");
      assertThat((List<String>) app.get("ports")).anyMatch(p -> p.startsWith(service.defaultPort() + ":"));

      Map<String, String> env = env(app);
      String dbService = databaseService(service);
      Map<String, String> dbEnv = env(SERVICES.get(dbService));
      if (service.inPostgres()) {
        assertThat((String) SERVICES.get(dbService).get("image")).startsWith("postgres:");
        assertThat(env.get("SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://" + dbService + ":5432/"
            + dbEnv.get("POSTGRES_DB"));
        assertThat(env.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(dbEnv.get("POSTGRES_USER"));
        assertThat(env.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(dbEnv.get("POSTGRES_PASSWORD"));
      } else {
        assertThat((String) SERVICES.get(dbService).get("image")).isEqualTo("mysql:8.0");
        assertThat(env.get("SPRING_DATASOURCE_URL")).startsWith("jdbc:mysql://" + dbService + ":3306/"
            + dbEnv.get("MYSQL_DATABASE"));
        assertThat(env.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(dbEnv.get("MYSQL_USER"));
        assertThat(env.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(dbEnv.get("MYSQL_PASSWORD"));
      }
      assertThat(env.get("EVENTUATELOCAL_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
      assertThat(env.get("SERVER_PORT")).isEqualTo(String.valueOf(service.defaultPort()));
      assertThat(settingsOf(service)).as("settings %s reads", service.name())
          .containsKeys("spring.datasource.url", "spring.datasource.username", "spring.datasource.password",
              "eventuatelocal.kafka.bootstrap.servers", "server.port");
    }
  }

  @Test
  void noServiceStartsWithADefaultOperatorCredential() {
    RunningSystem.SERVICES.forEach(service -> {
      Map<String, String> env = env(SERVICES.get(service.name()));
      // Compose refuses to start until the variable is set: "${VAR:?message}".
      assertThat(env.get("CONVERGE_SECURITY_TOKENS_OPERATOR_SHA256")).as(service.name())
          .startsWith("${CONVERGE_OPERATOR_TOKEN_SHA256:?");
      assertThat(env).as(service.name()).doesNotContainKey("CONVERGE_SECURITY_TOKENS_OPERATOR_VALUE");
    });
  }

  @Test
  void everyDatabaseIsMysql8OrPostgresWithAHealthcheck() {
    RunningSystem.SERVICES.forEach(service -> {
      Map<String, Object> db = SERVICES.get(databaseService(service));
      assertThat((String) db.get("image")).isEqualTo(service.inPostgres() ? "postgres:16" : "mysql:8.0");
      assertThat(db.get("healthcheck")).isNotNull();
    });
  }

  /** The compose service of a service's database: its database's name, with hyphens (a host name has no "_"). */
  private static String databaseService(RunningSystem.Service service) {
    return service.database().replace('_', '-') + "-db";
  }

  private static Properties settingsOf(RunningSystem.Service service) {
    try (InputStream in = ComposeFileTest.class.getResourceAsStream("/" + service.name() + ".properties")) {
      Properties properties = new Properties();
      properties.load(in);
      return properties;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> env(Map<String, Object> service) {
    Map<String, Object> raw = (Map<String, Object>) service.get("environment");
    return raw.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
        e -> String.valueOf(e.getValue())));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  private static Map<String, Object> load() {
    try (InputStream in = Files.newInputStream(REPO.resolve("compose/docker-compose.yml"))) {
      return new Yaml().load(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
