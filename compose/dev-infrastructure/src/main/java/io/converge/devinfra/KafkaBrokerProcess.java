package io.converge.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Kafka broker in a process of its own, with its data on disk, so that it can be killed and
 * started again on the same address and the same logs: a broker restart as operators see it. The fault suite runs on
 * it; the in-JVM broker of {@link KafkaBrokers} cannot be restarted in place. The process runs Kafka's own server
 * ({@code kafka.Kafka}, as {@code kafka-server-start.sh} does) from this JVM's class path, and ends when this JVM does.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

  private final Path directory;
  private final int port;
  private final int controllerPort;
  private Process process;

  private KafkaBrokerProcess(Path directory, int port, int controllerPort) {
    this.directory = directory;
    this.port = port;
    this.controllerPort = controllerPort;
  }

  /**
   * Formats a fresh data directory, starts the broker on free ports and waits until it serves requests. Close it to
   * delete its data; the process itself also ends with this JVM.
   */
  public static KafkaBrokerProcess start() {
    try {
      KafkaBrokerProcess broker = new KafkaBrokerProcess(Files.createTempDirectory("converge-kafka"),
          DatabaseServers.freePort(), DatabaseServers.freePort());
      broker.startProcess();
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String bootstrap() {
    return "127.0.0.1:" + port;
  }

  /** SIGKILL: the broker gets no chance to flush or to hand anything over. */
  public void kill() {
    try {
      process.destroyForcibly().waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Starts the broker again on the same ports and logs, and waits until it serves requests. */
  public void restart() {
    if (process.isAlive()) {
      throw new IllegalStateException("The broker is still running; kill it first");
    }
    startProcess();
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      kill();
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException ignored) {
      // A temporary directory left behind is harmless.
    }
  }

  private void startProcess() {
    List<String> command = JavaCommand.of("512m", List.of(), BrokerMain.class,
        List.of(directory.toString(), String.valueOf(port), String.valueOf(controllerPort)));
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(Redirect.appendTo(directory.resolve("broker.log").toFile())).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitReady();
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    while (System.nanoTime() < deadline && process.isAlive()) {
      if (listening()) {
        try (Admin admin = Admin.create(config)) {
          admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
          return;
        } catch (Exception notYet) {
          // The listener is up before the broker has caught up with its metadata.
        }
      }
      sleep(200);
    }
    throw new IllegalStateException("Kafka broker did not start; see " + directory.resolve("broker.log"));
  }

  private boolean listening() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The broker process: writes its configuration, formats its storage once, then runs Kafka's server. */
  public static final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
      Path directory = Path.of(args[0]);
      String port = args[1];
      String controllerPort = args[2];
      // Never outlive the JVM that started us, even when that one is killed.
      ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(0)));

      Properties server = new Properties();
      server.putAll(Map.ofEntries(
          Map.entry("process.roles", "broker,controller"),
          Map.entry("node.id", "1"),
          Map.entry("controller.quorum.voters", "1@127.0.0.1:" + controllerPort),
          Map.entry("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort),
          Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
          Map.entry("controller.listener.names", "CONTROLLER"),
          Map.entry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"),
          Map.entry("inter.broker.listener.name", "PLAINTEXT"),
          Map.entry("log.dirs", directory.resolve("logs").toString()),
          Map.entry("num.partitions", String.valueOf(KafkaBrokers.PARTITIONS)),
          Map.entry("auto.create.topics.enable", "true"),
          Map.entry("offsets.topic.replication.factor", "1"),
          Map.entry("offsets.topic.num.partitions", "4"),
          Map.entry("transaction.state.log.replication.factor", "1"),
          Map.entry("transaction.state.log.min.isr", "1"),
          Map.entry("group.initial.rebalance.delay.ms", "0")));
      Path serverProperties = directory.resolve("server.properties");
      try (var out = Files.newOutputStream(serverProperties)) {
        server.store(out, "Written by KafkaBrokerProcess");
      }
      Path logging = directory.resolve("logback.xml");
      Files.writeString(logging, "<configuration><appender name=\"out\" "
          + "class=\"ch.qos.logback.core.ConsoleAppender\"><encoder><pattern>%d %-5level %logger{20} %msg%n</pattern>"
          + "</encoder></appender><root level=\"WARN\"><appender-ref ref=\"out\"/></root></configuration>");
      System.setProperty("logback.configurationFile", logging.toString());

      if (!Files.exists(directory.resolve("logs").resolve("meta.properties"))) {
        int formatted = kafka.tools.StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(),
            "-c", serverProperties.toString()}, System.out);
        if (formatted != 0) {
          throw new IllegalStateException("Formatting Kafka's storage failed: " + formatted);
        }
      }
      kafka.Kafka.main(new String[] {serverProperties.toString()});
    }
  }
}
