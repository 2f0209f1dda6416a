package io.converge.localstack;

import static io.converge.localstack.TestSystem.awaitSaga;
import static io.converge.localstack.TestSystem.newCustomer;
import static io.converge.localstack.TestSystem.newProduct;
import static io.converge.localstack.TestSystem.order;
import static io.converge.localstack.TestSystem.place;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.converge.contracts.customer.CustomerChannels;
import io.converge.devinfra.KafkaWireClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Garbage on a command channel and on a reply channel: stored as dead letters, and the consumers go on. */
class PoisonRecordsEndToEndIT {

  @BeforeAll
  static void startSystem() {
    TestSystem.get();
  }

  @Test
  void poisonRecordsBecomeDeadLettersAndBlockNoPartition() {
    String marker = "poison-" + UUID.randomUUID();
    String replyChannel = TestSystem.PLACE_ORDER_REPLIES;
    String unhandleableId = UUID.randomUUID().toString();
    try (KafkaWireClient wire = new KafkaWireClient(TestSystem.get().kafkaBootstrap())) {
      for (int partition = 0; partition < 4; partition++) {
        wire.sendRaw(CustomerChannels.COMMANDS, partition, "not json " + marker);
        wire.sendRaw(replyChannel, partition, "{\"payload\": \"" + marker + "\"}");
      }
      // A well-formed message no handler knows: fails in the handler, is retried, then dead-lettered.
      wire.send(CustomerChannels.COMMANDS, "k", Map.of("ID", unhandleableId, "DESTINATION", CustomerChannels.COMMANDS,
          "command_type", "customer.NoSuchCommand", "command_reply_to", "converge.test.nowhere"), "{}");
    }

    JsonNode saga = awaitSaga(place(order(newCustomer("100.00"), newProduct("1.00", 5), 1, "card"))
        .get("sagaId").asText());

    assertThat(saga.get("state").asText()).isEqualTo("COMPLETED");
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      assertThat(deadLetters("customer-service", marker)).hasSize(4);
      assertThat(deadLetters("saga-orchestrator", marker)).hasSize(4);
      assertThat(deadLetters("customer-service", unhandleableId)).hasSize(1);
    });
    // Each dead letter says where its record sits: topic, partition and offset.
    assertThat(deadLetters("customer-service", marker)).allSatisfy(letter -> {
      assertThat(letter.get("channel").asText()).isEqualTo(CustomerChannels.COMMANDS);
      assertThat(letter.get("kafkaOffset").isNumber()).isTrue();
    }).extracting(letter -> letter.get("kafkaPartition").asInt()).containsExactlyInAnyOrder(0, 1, 2, 3);
    JsonNode unhandleable = deadLetters("customer-service", unhandleableId).get(0);
    assertThat(unhandleable.get("error").asText()).contains("No method for");
    assertThat(unhandleable.get("kafkaPartition").isNumber()).isTrue();
    assertThat(unhandleable.get("kafkaOffset").isNumber()).isTrue();
    int replayed = TestSystem.http("customer-service").post()
        .uri("/api/dead-letters/{id}/replay", unhandleable.get("id").asLong())
        .exchange((request, response) -> response.getStatusCode().value());
    int notAMessage = TestSystem.http("customer-service").post()
        .uri("/api/dead-letters/{id}/replay", deadLetters("customer-service", marker).get(0).get("id").asLong())
        .exchange((request, response) -> response.getStatusCode().value());
    int replayedAgain = TestSystem.http("customer-service").post()
        .uri("/api/dead-letters/{id}/replay", unhandleable.get("id").asLong())
        .exchange((request, response) -> response.getStatusCode().value());
    assertThat(replayed).isEqualTo(202);
    assertThat(replayedAgain).as("a dead letter replays once").isEqualTo(409);
    assertThat(notAMessage).isEqualTo(409);
    JsonNode replayedLetter = deadLetters("customer-service", unhandleableId).stream()
        .filter(letter -> letter.get("id").asLong() == unhandleable.get("id").asLong()).findFirst().orElseThrow();
    assertThat(replayedLetter.get("replayedBy").asText()).isEqualTo(TestSystem.OPERATOR);
    // Replayed and still unhandleable: it comes back and is dead-lettered again, not lost.
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
        assertThat(deadLetters("customer-service", unhandleableId)).hasSize(2));
  }

  private static List<JsonNode> deadLetters(String service, String containing) {
    JsonNode all = TestSystem.get(service, "/api/dead-letters?limit=1000");
    return StreamSupport.stream(all.spliterator(), false)
        .filter(letter -> letter.toString().contains(containing)).toList();
  }
}
