package io.converge.orchestrator.timeouts;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.converge.contracts.StepTimedOut;
import io.converge.orchestrator.history.SagaState;
import io.converge.orchestrator.history.SagaStore;
import io.converge.service.scheduling.PeriodicTask;
import io.eventuate.tram.commands.producer.CommandProducer;
import io.eventuate.tram.messaging.common.Message;
import io.eventuate.tram.messaging.producer.MessageBuilder;
import io.eventuate.tram.messaging.producer.MessageProducer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires due step timers, each in the transaction that locks it (so two orchestrator instances never fire one twice,
 * and a crash before commit leaves it due): send the step's command again; or, when its attempts or the saga's
 * deadline are spent, undo the step itself and answer the saga with a {@link StepTimedOut} failure so it compensates;
 * or, for a compensation that was never confirmed, park the saga in NEEDS_ATTENTION.
 */
@Component
class TimeoutScheduler extends PeriodicTask {

  private static final Logger log = LoggerFactory.getLogger(TimeoutScheduler.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BATCH = 100;

  private final SagaTimers timers;
  private final SagaStore sagas;
  private final TimedSaga saga;
  private final SagaPolicyProperties properties;
  private final MessageProducer messageProducer;
  private final CommandProducer commandProducer;
  private final TransactionTemplate transactions;

  TimeoutScheduler(SagaTimers timers, SagaStore sagas, TimedSaga saga, SagaPolicyProperties properties,
                   MessageProducer messageProducer, CommandProducer commandProducer, TransactionTemplate transactions) {
    super("saga-timers", properties.scanInterval());
    this.timers = timers;
    this.sagas = sagas;
    this.saga = saga;
    this.properties = properties;
    this.messageProducer = messageProducer;
    this.commandProducer = commandProducer;
    this.transactions = transactions;
  }

  /** Fires what is due now; returns how many timers fired. */
  int fireDue() {
    Integer fired = transactions.execute(tx -> {
      var due = timers.lockDue(BATCH);
      due.forEach(this::fire);
      return due.size();
    });
    return fired == null ? 0 : fired;
  }

  private void fire(SagaTimers.Timer timer) {
    try (MDC.MDCCloseable ignored = MDC.putCloseable("sagaId", timer.sagaId())) {
      Optional<SagaState> state = sagas.state(timer.sagaId());
      if (state.isEmpty() || state.get().isTerminal() || state.get() == SagaState.NEEDS_ATTENTION) {
        timers.disarm(timer.sagaId());
        return;
      }
      boolean compensating = state.get() == SagaState.COMPENSATING;
      int maxAttempts = compensating ? properties.compensationMaxAttempts()
          : saga.policyFor(timer.commandType()).maxAttempts();
      boolean pastDeadline = !compensating && sagas.pastDeadline(timer.sagaId());
      Optional<SagaTimers.StoredCommand> command = timers.storedCommand(timer.commandMessageId());
      if (command.isPresent() && timer.attempt() < maxAttempts && !pastDeadline) {
        resend(command.get(), timer.attempt() + 1);
      } else if (!compensating) {
        giveUp(timer, command);
      } else {
        park(timer);
      }
    }
  }

  /** The same command, same business key, as a new message: the participant applies it once whichever arrives. */
  private void resend(SagaTimers.StoredCommand command, int attempt) {
    Map<String, String> headers = readHeaders(command.headers());
    headers.keySet().removeAll(java.util.List.of(Message.ID, Message.DATE, Message.DESTINATION));
    headers.put(CommandTracker.ATTEMPT, String.valueOf(attempt));
    log.info("Step timed out; sending {} again (attempt {})", headers.get("command_type"), attempt);
    messageProducer.send(command.destination(),
        MessageBuilder.withPayload(command.payload()).withExtraHeaders("", headers).build());
  }

  private void giveUp(SagaTimers.Timer timer, Optional<SagaTimers.StoredCommand> command) {
    log.warn("Step {} gave no reply after {} attempts or the deadline passed; compensating", timer.commandType(),
        timer.attempt());
    // The decision is final: from now on the saga accepts only its own StepTimedOut, never a real reply to the step
    // that arrives meanwhile (the step is being undone).
    timers.stepAnswered(timer.sagaId());
    String timeoutReplyTo = "timeout-" + UUID.randomUUID();
    timers.awaitReplyTo(timeoutReplyTo, timer.sagaId(), timer.attempt());
    Map<String, String> commandHeaders = command.map(c -> readHeaders(c.headers())).orElseGet(HashMap::new);
    String orderId = command.map(c -> readOrderId(c.payload())).orElse(null);
    String destination = command.map(SagaTimers.StoredCommand::destination).orElse("?");
    String sagaType = commandHeaders.getOrDefault("command_saga_type", "?");
    sagas.record(timer.sagaId(), "STEP_TIMED_OUT", SagaStore.participantOf(destination), timer.commandType(), null,
        timer.attempt(), timer.commandMessageId());
    if (orderId != null) {
      saga.compensationOfTimedOut(timer.commandType(), orderId).ifPresent(undo -> commandProducer.send(destination,
          undo, sagaType + "-reply", Map.of("command_saga_id", timer.sagaId(), "command_saga_type", sagaType,
              CommandTracker.UNTRACKED, "true")));
    }
    messageProducer.send(sagaType + "-reply", MessageBuilder
        .withPayload(toJson(new StepTimedOut(timer.commandType(), timer.attempt())))
        .withHeader(Message.PARTITION_ID, timer.sagaId())
        .withHeader("commandreply_saga_id", timer.sagaId())
        .withHeader("commandreply_saga_type", sagaType)
        .withHeader("commandreply__destination", destination)
        .withHeader("reply_to_message_id", timeoutReplyTo)
        .withHeader("reply_type", StepTimedOut.class.getName())
        .withHeader("reply_outcome-type", "FAILURE")
        .build());
  }

  private void park(SagaTimers.Timer timer) {
    String attention = "Compensation " + timer.commandType() + " not confirmed after " + timer.attempt()
        + " attempts; what it undoes may still be in effect at " + timer.commandType().split("\\.")[0]
        + "-service";
    log.error("Parking saga: {}", attention);
    timers.disarm(timer.sagaId());
    sagas.park(timer.sagaId(), attention);
    sagas.record(timer.sagaId(), "PARKED", SagaStore.participantOf("?"), timer.commandType(), null,
        timer.attempt(), timer.commandMessageId());
  }

  private static Map<String, String> readHeaders(String json) {
    try {
      return new HashMap<>(JSON.readValue(json, new TypeReference<Map<String, String>>() { }));
    } catch (Exception e) {
      throw new IllegalStateException("Unreadable outbox headers", e);
    }
  }

  private static String readOrderId(String payload) {
    try {
      return JSON.readTree(payload).path("orderId").asText(null);
    } catch (Exception e) {
      return null;
    }
  }

  private static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected void runOnce() {
    while (fireDue() == BATCH) {
      // more are due: go on at once
    }
  }
}
