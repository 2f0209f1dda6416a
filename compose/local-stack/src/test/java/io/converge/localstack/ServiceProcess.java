package io.converge.localstack;

import java.io.File;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.web.client.RestClient;

/**
 * A service of the test system run as its own process, for faults that need one (SIGKILL, a halt inside the relay).
 * Closing it stops the process and starts the service in the test JVM again, on the same database and port.
 */
final class ServiceProcess implements AutoCloseable {

  private final String service;
  private final File log;
  private Process process;

  private ServiceProcess(String service) {
    this.service = service;
    this.log = Path.of("target", service + "-process.log").toFile();
  }

  /** Stops the service in the test JVM and starts it as a process on the same database and port. */
  static ServiceProcess replace(String service, String... jvmOptions) throws InterruptedException {
    TestSystem.get().stop(service);
    ServiceProcess running = new ServiceProcess(service);
    try {
      running.start(jvmOptions);
    } catch (RuntimeException | InterruptedException e) {
      running.close();
      throw e;
    }
    return running;
  }

  /** Starts the process (again) and waits until it reports healthy. */
  void start(String... jvmOptions) throws InterruptedException {
    try {
      process = new ProcessBuilder(TestSystem.get().processCommand(service, List.of(jvmOptions)))
          .redirectErrorStream(true).redirectOutput(Redirect.appendTo(log)).start();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Cannot start " + service + " as a process", e);
    }
    RestClient health = RestClient.create(TestSystem.get().managementUrl(service));
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        String status = health.get().uri("/actuator/health").retrieve().body(String.class);
        if (status != null && status.contains("UP")) {
          return;
        }
      } catch (RuntimeException notYet) {
        Thread.sleep(500);
      }
    }
    process.destroyForcibly().waitFor();
    throw new IllegalStateException(service + " process did not become healthy; see " + log);
  }

  /** SIGKILL: no shutdown hook, no graceful close of anything. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  /** Waits for the process to end by itself; true if it did. */
  boolean awaitExit(Duration wait) throws InterruptedException {
    return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
    TestSystem.get().restart(service);
  }
}
