package io.converge.inventory;

import io.eventuate.tram.sagas.spring.participant.SagaParticipantConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

// Eventuate brings its own Kafka consumer factory; Spring Boot's Kafka auto-configuration (on the class path where the
// order history shares the JVM, as in the local stack) would clash with it by bean name.
@SpringBootApplication(excludeName = "org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration")
@Import(SagaParticipantConfiguration.class)
public class InventoryServiceApplication {

  /** Each service reads its own defaults file, so several can share one JVM (the local stack). */
  public static SpringApplicationBuilder application() {
    return new SpringApplicationBuilder(InventoryServiceApplication.class)
        .properties("spring.config.name=inventory-service");
  }

  public static void main(String[] args) {
    application().run(args);
  }
}
