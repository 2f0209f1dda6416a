package io.converge.localstack.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU went, from a Flight Recorder file of the running system: each execution sample is charged to the first
 * frame, from the top of its stack, that is not the JDK's own, and frames are grouped by who wrote them.
 * {@code java -jar converge-local-stack.jar profile <recording.jfr>}.
 */
public final class ProfileBuckets {

  /** Package prefix → bucket, first match wins (the broker before the Kafka client it shares packages with). */
  private static final Map<String, String> BUCKETS = new LinkedHashMap<>();

  static {
    BUCKETS.put("io.converge.", "ours (io.converge)");
    BUCKETS.put("io.eventuate.", "Eventuate");
    BUCKETS.put("kafka.", "Kafka broker (in-JVM)");
    BUCKETS.put("org.apache.kafka.server", "Kafka broker (in-JVM)");
    BUCKETS.put("org.apache.kafka.storage", "Kafka broker (in-JVM)");
    BUCKETS.put("org.apache.kafka.raft", "Kafka broker (in-JVM)");
    BUCKETS.put("org.apache.kafka.controller", "Kafka broker (in-JVM)");
    BUCKETS.put("org.apache.kafka.metadata", "Kafka broker (in-JVM)");
    BUCKETS.put("org.apache.kafka.coordinator", "Kafka broker (in-JVM)");
    BUCKETS.put("org.apache.kafka.", "Kafka client");
    BUCKETS.put("com.mysql.", "JDBC (Connector/J)");
    BUCKETS.put("com.zaxxer.hikari", "JDBC (Connector/J)");
    BUCKETS.put("org.springframework.jdbc", "Spring JDBC / transactions");
    BUCKETS.put("org.springframework.transaction", "Spring JDBC / transactions");
    BUCKETS.put("org.springframework.", "Spring (web, context)");
    BUCKETS.put("com.fasterxml.jackson", "Jackson");
    BUCKETS.put("org.apache.catalina", "Tomcat");
    BUCKETS.put("org.apache.coyote", "Tomcat");
    BUCKETS.put("org.apache.tomcat", "Tomcat");
    BUCKETS.put("ch.qos.logback", "logging");
    BUCKETS.put("org.slf4j", "logging");
    BUCKETS.put("io.micrometer", "metrics (Micrometer)");
    BUCKETS.put("org.flywaydb", "Flyway");
  }

  private ProfileBuckets() {
  }

  public static void main(String[] args) throws IOException {
    Map<String, Integer> samples = new TreeMap<>();
    int total = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
        continue;
      }
      samples.merge(bucket(event.getStackTrace().getFrames()), 1, Integer::sum);
      total++;
    }
    System.out.println("| where (first non-JDK frame from the top) | samples | share |");
    System.out.println("|---|---|---|");
    final int all = Math.max(total, 1);
    samples.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .forEach(entry -> System.out.printf("| %s | %d | %.0f %% |%n", entry.getKey(), entry.getValue(),
            100.0 * entry.getValue() / all));
    System.out.println("(" + total + " execution samples)");
  }

  private static String bucket(List<RecordedFrame> frames) {
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")
          || type.startsWith("javax.") || type.startsWith("com.sun.")) {
        continue;
      }
      for (Map.Entry<String, String> bucket : BUCKETS.entrySet()) {
        if (type.startsWith(bucket.getKey())) {
          return bucket.getValue();
        }
      }
      return "other libraries";
    }
    return "JDK only (I/O, locks, collections)";
  }
}
