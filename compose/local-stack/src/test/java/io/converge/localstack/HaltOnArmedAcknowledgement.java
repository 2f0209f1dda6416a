package io.converge.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A Kafka producer interceptor for the fault suite: once the file named by {@value #ARM_FILE} exists, the next record
 * the broker acknowledges halts the JVM on the spot (as SIGKILL would). Kafka completes a record's future only after
 * its interceptors ran, so the relay dies after the broker has the record and before it marks the batch published.
 */
public class HaltOnArmedAcknowledgement implements ProducerInterceptor<Object, Object> {

  /** Producer setting naming the file that arms the halt. */
  static final String ARM_FILE = "converge.test.halt-armed-by";

  private Path armFile;

  @Override
  public void configure(Map<String, ?> configs) {
    armFile = Path.of(String.valueOf(configs.get(ARM_FILE)));
  }

  @Override
  public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
    return record;
  }

  @Override
  public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    if (exception == null && Files.exists(armFile)) {
      System.out.println("Halting after the broker acknowledged " + metadata);
      Runtime.getRuntime().halt(137);
    }
  }

  @Override
  public void close() {
  }
}
