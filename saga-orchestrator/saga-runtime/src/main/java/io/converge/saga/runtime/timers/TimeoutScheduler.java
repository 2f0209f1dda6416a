package io.converge.saga.runtime.timers;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.converge.contracts.StepTimedOut;
import io.converge.saga.runtime.definition.SagaPolicyProperties;
import io.converge.saga.runtime.definition.SagaTypes;
import io.converge.saga.runtime.definition.StepKind;
import io.converge.saga.runtime.definition.StepPolicy;
import io.converge.saga.runtime.state.SagaState;
import io.converge.saga.runtime.state.SagaStore;
import io.converge.service.scheduling.PeriodicTask;
import io.eventuate.tram.commands.producer.CommandProducer;
import io.eventuate.tram.messaging.common.Message;
import io.eventuate.tram.messaging.producer.MessageBuilder;
import io.eventuate.tram.messaging.producer.MessageProducer;
import java.time.Duration;
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
 * Fires due step timers, each in a transaction of its own that first locks its saga (a saga being changed right now is
 * skipped and looked at again on the next scan; two orchestrator instances never fire one timer twice; a crash
 * before commit leaves it due). What a timer does is {@link TimeoutDecision}'s: wait longer for a command still
 * queued, send the command again, give up on a compensatable step (undo it and fail it so the saga compensates), or
 * park a saga whose compensation went unconfirmed. A step at or after the pivot is never given up: past the deadline
 * its saga is flagged and the step is asked again.
 */
@Component
class TimeoutScheduler extends PeriodicTask {

  private static final Logger log = LoggerFactory.getLogger(TimeoutScheduler.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BATCH = 100;

  private final SagaTimers timers;
  private final SagaStore sagas;
  private final SagaTypes sagaTypes;
  private final SagaPolicyProperties properties;
  private final StepLatencies latencies;
  private final MessageProducer messageProducer;
  private final CommandProducer commandProducer;
  private final TransactionTemplate transactions;

  TimeoutScheduler(SagaTimers timers, SagaStore sagas, SagaTypes sagaTypes, SagaPolicyProperties properties,
                   StepLatencies latencies, MessageProducer messageProducer, CommandProducer commandProducer,
                   TransactionTemplate transactions) {
    super("saga-timers", properties.scanInterval());
    this.timers = timers;
    this.sagas = sagas;
    this.sagaTypes = sagaTypes;
    this.properties = properties;
    this.latencies = latencies;
    this.messageProducer = messageProducer;
    this.commandProducer = commandProducer;
    this.transactions = transactions;
  }

  /** Fires what is due now; returns how many timers fired. */
  int fireDue() {
    int fired = 0;
    for (String sagaId : timers.due(BATCH)) {
      if (Boolean.TRUE.equals(transactions.execute(tx -> fireIfStillDue(sagaId)))) {
        fired++;
      }
    }
    return fired;
  }

  private boolean fireIfStillDue(String sagaId) {
    try (MDC.MDCCloseable ignored = MDC.putCloseable("sagaId", sagaId)) {
      Optional<SagaState> state = sagas.lockUnlessBusy(sagaId);
      if (state.isEmpty()) {
        return false;
      }
      Optional<SagaTimers.Timer> timer = timers.dueTimer(sagaId);
      if (timer.isEmpty()) {
        return false;
      }
      if (state.get().isTerminal() || state.get() == SagaState.NEEDS_ATTENTION) {
        timers.disarm(sagaId);
        return true;
      }
      fire(timer.get(), sagas.identity(sagaId), state.get() == SagaState.COMPENSATING);
      return true;
    }
  }

  private void fire(SagaTimers.Timer timer, SagaStore.Identity identity, boolean compensating) {
    Optional<SagaTimers.StoredCommand> command = timers.storedCommand(timer.commandMessageId());
    StepPolicy policy = sagaTypes.policyFor(identity.wireType(), timer.commandType());
    int maxAttempts = compensating ? properties.compensationMaxAttempts() : policy.maxAttempts();
    boolean pastDeadline = sagas.pastDeadline(timer.sagaId());
    Duration queueWait = queueWait(command);
    boolean stillQueued = command.isPresent()
        && (!command.get().published() || timer.millisSinceSent() < queueWait.toMillis());
    TimeoutDecision decision = new TimeoutDecision(policy.kind(), compensating, timer.attempt(), maxAttempts,
        pastDeadline, stillQueued);
    if (pastDeadline && !compensating && !policy.kind().undoneOnTimeout()) {
      flagPastDeadline(timer, policy.kind());
    }
    switch (decision.action()) {
      case WAIT_LONGER -> timers.rearm(timer.sagaId(),
          Math.max(queueWait.toMillis() - timer.millisSinceSent(), policy.timeout().toMillis()));
      case RESEND -> {
        if (command.isPresent()) {
          resend(command.get(), timer.attempt() + 1);
        } else if (compensating) {
          park(timer);
        } else {
          giveUpOrFlag(timer, identity, policy, command);
        }
      }
      case GIVE_UP -> giveUp(timer, identity, command);
      case PARK -> park(timer);
    }
  }

  /**
   * How long replies from the command's participant take now, scaled: a command younger than that may be waiting
   * behind a backlog rather than lost.
   */
  private Duration queueWait(Optional<SagaTimers.StoredCommand> command) {
    if (command.isEmpty()) {
      return Duration.ZERO;
    }
    Duration p99 = latencies.recentP99(SagaStore.participantOf(command.get().destination()));
    long scaled = (long) (p99.toMillis() * properties.queueWaitFactor());
    return Duration.ofMillis(Math.min(scaled, properties.maxBackoff().toMillis()));
  }

  private void flagPastDeadline(SagaTimers.Timer timer, StepKind kind) {
    String reason = timer.commandType() + " (the " + kind.name().toLowerCase(java.util.Locale.ROOT)
        + " step) unanswered past the saga's deadline; asked again until it answers, never undone";
    if (sagas.flagPastDeadline(timer.sagaId(), reason)) {
      log.warn("Saga past its deadline: {}", reason);
      sagas.record(timer.sagaId(), "PAST_DEADLINE", "saga-orchestrator", timer.commandType(), null, timer.attempt(),
          timer.commandMessageId());
    }
  }

  /** The command is gone from the outbox (retention): a forward step can only be failed or, past the pivot, parked. */

  private void giveUpOrFlag(SagaTimers.Timer timer, SagaStore.Identity identity, StepPolicy policy,
                            Optional<SagaTimers.StoredCommand> command) {
    if (policy.kind().undoneOnTimeout()) {
      giveUp(timer, identity, command);
    } else {
      park(timer);
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

  private void giveUp(SagaTimers.Timer timer, SagaStore.Identity identity,
                      Optional<SagaTimers.StoredCommand> command) {
    log.warn("Step {} gave no reply after {} attempts or the deadline passed; compensating", timer.commandType(),
        timer.attempt());
    // The decision is final: from now on the saga accepts only its own StepTimedOut, never a real reply to the step
    // that arrives meanwhile (the step is being undone).
    timers.stepAnswered(timer.sagaId());
    String timeoutReplyTo = "timeout-" + UUID.randomUUID();
    timers.awaitReplyTo(timeoutReplyTo, timer.sagaId(), timer.attempt());
    // Type and business key come from our own summary: the command itself may be gone from the outbox (retention).
    String destination = command.map(SagaTimers.StoredCommand::destination).orElse("?");
    sagas.record(timer.sagaId(), "STEP_TIMED_OUT", SagaStore.participantOf(destination), timer.commandType(), null,
        timer.attempt(), timer.commandMessageId());
    String wireType = identity.wireType();
    sagaTypes.find(wireType).flatMap(saga -> saga.compensationOfTimedOut(timer.commandType(),
        timer.sagaId(), identity.businessKey())).ifPresent(undo -> commandProducer.send(
        undo.channel(), undo.command(), wireType + "-reply", Map.of("command_saga_id", timer.sagaId(),
            "command_saga_type", wireType, CommandTracker.UNTRACKED, "true")));
    messageProducer.send(wireType + "-reply", MessageBuilder
        .withPayload(toJson(new StepTimedOut(timer.commandType(), timer.attempt())))
        .withHeader(Message.PARTITION_ID, timer.sagaId())
        .withHeader("commandreply_saga_id", timer.sagaId())
        .withHeader("commandreply_saga_type", wireType)
        .withHeader("commandreply__destination", destination)
        .withHeader("reply_to_message_id", timeoutReplyTo)
        .withHeader("reply_type", StepTimedOut.class.getName())
        .withHeader("reply_outcome-type", "FAILURE")
        .build());
  }


  private void park(SagaTimers.Timer timer) {
    String attention = timer.commandType() + " not confirmed after " + timer.attempt()
        + " attempts; its effect at " + timer.commandType().split("\\.")[0] + "-service is unknown";
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
      // every one of a full batch fired: more may be due, go on at once
    }
  }
}
