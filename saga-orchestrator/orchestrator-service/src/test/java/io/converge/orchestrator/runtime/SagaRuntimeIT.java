package io.converge.orchestrator.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.converge.contracts.PricedLine;
import io.converge.contracts.RejectionReason;
import io.converge.contracts.customer.CreditReserved;
import io.converge.contracts.customer.CustomerChannels;
import io.converge.contracts.inventory.InventoryChannels;
import io.converge.contracts.inventory.StockReserved;
import io.converge.contracts.order.OrderChannels;
import io.converge.contracts.order.OrderCreated;
import io.converge.contracts.order.OrderRejected;
import io.converge.devinfra.KafkaWireClient;
import io.converge.devinfra.ServiceUnderTest;
import io.converge.devinfra.WireMessage;
import io.converge.orchestrator.SagaOrchestratorApplication;
import io.converge.orchestrator.cancelorder.CancelOrderSaga;
import io.converge.saga.runtime.instances.JoinedSagaInstanceRepository;
import io.eventuate.common.id.ApplicationIdGenerator;
import io.eventuate.common.jdbc.EventuateJdbcStatementExecutor;
import io.eventuate.common.jdbc.EventuateSchema;
import io.eventuate.tram.sagas.orchestration.SagaInstance;
import io.eventuate.tram.sagas.orchestration.SagaInstanceRepository;
import io.eventuate.tram.sagas.orchestration.SagaInstanceRepositoryJdbc;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The saga runtime on its own, against real MariaDB and Kafka: the orchestrator runs, and this test plays every
 * participant on the wire. Step timers (sent again under the same business key, then undone), the correlation of late,
 * repeated and misrouted replies, per saga type.
 */
class SagaRuntimeIT {

  private static final int STEP_TIMEOUT_MILLIS = 1000;

  @RegisterExtension
  static final ServiceUnderTest orchestrator = new ServiceUnderTest(SagaOrchestratorApplication::application,
      "it_runtime", Map.of("converge.saga.step-timeout", STEP_TIMEOUT_MILLIS + "ms", "converge.saga.max-attempts", 2,
      "converge.reconciler.enabled", false));

  @Test
  void aStepNeverAnsweredIsSentAgainUnderTheSameKeyThenUndoneAndTheStepsBeforeItAreCompensated() {
    Placed placed = place();
    answer(await(OrderChannels.COMMANDS, "order.CreateOrder", placed.orderId(), 1), new OrderCreated(placed.orderId()));

    WireMessage first = await(InventoryChannels.COMMANDS, "inventory.ReserveStock", placed.orderId(), 1);
    WireMessage second = await(InventoryChannels.COMMANDS, "inventory.ReserveStock", placed.orderId(), 2);
    WireMessage undo = await(InventoryChannels.COMMANDS, "inventory.ReleaseStock", placed.orderId(), 1);
    WireMessage reject = await(OrderChannels.COMMANDS, "order.RejectOrder", placed.orderId(), 1);

    assertThat(second.payload()).isEqualTo(first.payload());
    assertThat(second.header("ID")).isNotEqualTo(first.header("ID"));
    assertThat(KafkaWireClient.readJson(reject.payload()).get("reason").asText())
        .isEqualTo(RejectionReason.STEP_TIMED_OUT.name());
    assertThat(undo.header("converge_untracked")).isEqualTo("true");
    answer(reject, new OrderRejected(placed.orderId()));
    JsonNode saga = awaitEnd(placed.sagaId());
    assertThat(saga.get("state").asText()).isEqualTo("COMPENSATED");
    assertThat(saga.get("reason").asText()).isEqualTo("STEP_TIMED_OUT");
    assertThat(saga.get("history").toString()).contains("STEP_TIMED_OUT");
  }

  @Test
  void aLateReplyToAnEarlierAttemptAndARepeatedReplyAreDroppedAndTheSagaMovesOnce() {
    Placed placed = place();
    answer(await(OrderChannels.COMMANDS, "order.CreateOrder", placed.orderId(), 1), new OrderCreated(placed.orderId()));
    WireMessage first = await(InventoryChannels.COMMANDS, "inventory.ReserveStock", placed.orderId(), 1);
    WireMessage second = await(InventoryChannels.COMMANDS, "inventory.ReserveStock", placed.orderId(), 2);
    StockReserved reserved = new StockReserved(placed.orderId(),
        List.of(new PricedLine("sku-1", 1, BigDecimal.TEN)), BigDecimal.TEN);

    answer(second, reserved);
    WireMessage credit = await(CustomerChannels.COMMANDS, "customer.ReserveCredit", placed.orderId(), 1);
    answer(first, reserved);   // late: its attempt was superseded
    answer(second, reserved);  // the same reply again, as a new message
    answer(credit, new CreditReserved(placed.orderId()));
    await("converge.payment.commands", "payment.AuthorizePayment", placed.orderId(), 1);

    assertThat(orchestrator.wire().await(CustomerChannels.COMMANDS, m -> m.payload().contains(placed.orderId()), 2,
        Duration.ofSeconds(2))).as("the saga moved past the stock step once").hasSize(1);
    String history = saga(placed.sagaId()).get("history").toString();
    assertThat(history.split("REPLY_DROPPED", -1)).hasSize(3);
  }

  @Test
  void aReplyOnAnotherSagaTypesChannelLeavesTheSagaAwaitingItsOwnReply() throws InterruptedException {
    Placed placed = place();
    WireMessage create = await(OrderChannels.COMMANDS, "order.CreateOrder", placed.orderId(), 1);
    Map<String, String> misrouted = new HashMap<>(KafkaWireClient.replyHeaders(create,
        new OrderCreated(placed.orderId()), true));
    String cancelReplies = CancelOrderSaga.TYPE + "-reply";
    misrouted.put("commandreply_saga_type", CancelOrderSaga.TYPE);
    misrouted.put("DESTINATION", cancelReplies);
    orchestrator.wire().send(cancelReplies, placed.sagaId(), misrouted,
        KafkaWireClient.toJson(new OrderCreated(placed.orderId())));
    Thread.sleep(1500); // a misrouted reply has had time to do harm, had it any

    answer(create, new OrderCreated(placed.orderId()));

    assertThat(await(InventoryChannels.COMMANDS, "inventory.ReserveStock", placed.orderId(), 1)).isNotNull();
  }

  @Test
  void theJoinedReadOfASagaInstanceEqualsEventuatesTwoReadsWithAndWithoutLockedResources() {
    Placed placed = place();
    await(OrderChannels.COMMANDS, "order.CreateOrder", placed.orderId(), 1);
    JdbcTemplate jdbc = orchestrator.service().bean(JdbcTemplate.class);
    String sagaType = jdbc.queryForObject("SELECT saga_type FROM saga_instance WHERE saga_id = ?", String.class,
        placed.sagaId());
    SagaInstanceRepository ours = orchestrator.service().bean(SagaInstanceRepository.class);
    SagaInstanceRepository eventuates = new SagaInstanceRepositoryJdbc(
        orchestrator.service().bean(EventuateJdbcStatementExecutor.class), new ApplicationIdGenerator(),
        orchestrator.service().bean(EventuateSchema.class));
    assertThat(ours).isInstanceOf(JoinedSagaInstanceRepository.class);

    assertThat(ours.find(sagaType, placed.sagaId())).usingRecursiveComparison()
        .isEqualTo(eventuates.find(sagaType, placed.sagaId()));

    try {
      for (String resource : List.of("order/1", "order/2")) {
        jdbc.update("INSERT INTO saga_instance_participants (saga_type, saga_id, destination, resource) "
            + "VALUES (?, ?, ?, ?)", sagaType, placed.sagaId(), "converge.test.locks", resource);
      }
      SagaInstance joined = ours.find(sagaType, placed.sagaId());
      assertThat(joined.getDestinationsAndResources()).hasSize(2);
      assertThat(joined).usingRecursiveComparison().isEqualTo(eventuates.find(sagaType, placed.sagaId()));
    } finally {
      jdbc.update("DELETE FROM saga_instance_participants WHERE saga_id = ?", placed.sagaId());
    }
    assertThatThrownBy(() -> ours.find(sagaType, "no-such-saga")).hasMessageContaining("Cannot find saga instance");
  }

  private record Placed(String sagaId, String orderId) {
  }

  private static Placed place() {
    JsonNode accepted = orchestrator.http().post().uri("/api/orders").contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("customerId", "c-" + UUID.randomUUID(), "lines", List.of(Map.of("sku", "sku-1", "quantity", 1)),
            "paymentMethod", "card")).retrieve().body(JsonNode.class);
    return new Placed(accepted.get("sagaId").asText(), accepted.get("orderId").asText());
  }

  /** The command of this type and attempt for the order, read from its channel (30 s at most). */
  private static WireMessage await(String channel, String commandType, String orderId, int attempt) {
    List<WireMessage> found = orchestrator.wire().await(channel, m -> commandType.equals(m.header("command_type"))
        && m.payload().contains(orderId)
        && String.valueOf(attempt).equals(m.headers().getOrDefault("converge_attempt", "1")), 1,
        Duration.ofSeconds(30));
    assertThat(found).as(commandType + " attempt " + attempt + " for " + orderId).hasSize(1);
    return found.get(0);
  }

  private static void answer(WireMessage command, Object reply) {
    orchestrator.wire().reply(command, reply, true);
  }

  private static JsonNode saga(String sagaId) {
    return orchestrator.http().get().uri("/api/sagas/{id}", sagaId).retrieve().body(JsonNode.class);
  }

  private static JsonNode awaitEnd(String sagaId) {
    return orchestrator.http().get().uri("/api/sagas/{id}?wait=20s", sagaId).retrieve().body(JsonNode.class);
  }
}
