package io.converge.saga.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.converge.contracts.CompensationRefused;
import io.converge.contracts.MessageCatalog;
import io.converge.contracts.StepTimedOut;
import io.converge.saga.runtime.definition.DeclaredSaga;
import io.converge.saga.runtime.definition.SagaPolicyProperties;
import io.converge.saga.runtime.definition.StepKind;
import io.converge.saga.runtime.definition.StepPolicy;
import io.converge.saga.runtime.state.SagaState;
import io.converge.saga.runtime.timers.CommandTracker;
import io.converge.saga.runtime.timers.ReplyDecision;
import io.converge.saga.runtime.timers.TimeoutDecision;
import io.eventuate.tram.commands.common.DefaultCommandNameMapping;
import io.eventuate.tram.commands.producer.CommandProducerImpl;
import io.eventuate.tram.messaging.common.Message;
import io.eventuate.tram.messaging.producer.MessageBuilder;
import io.eventuate.tram.sagas.orchestration.SagaCommandProducerImpl;
import io.eventuate.tram.sagas.orchestration.SagaDataSerde;
import io.eventuate.tram.sagas.orchestration.SagaInstance;
import io.eventuate.tram.sagas.orchestration.SagaManagerImpl;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One saga instance run in memory by Eventuate's own saga manager, with the runtime's rules around it on a virtual
 * clock: each command sent arms its step's timer ({@link StepPolicy}, backed off per attempt); {@link #advance} fires
 * due timers by {@link TimeoutDecision} (send again, undo the step and fail it, or park); a reply is correlated by
 * {@link ReplyDecision} (a failed compensation or retriable step is retried, a {@link CompensationRefused} parks).
 * Assertions read the commands in the order they were sent.
 *
 * @param <D> the saga's data
 */
public final class SagaRun<D> {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DeclaredSaga<D> saga;
  private final SagaPolicyProperties policies;
  private final InMemorySagaInstances instances = new InMemorySagaInstances();
  private final RecordingMessageProducer producer = new RecordingMessageProducer();
  private final SagaManagerImpl<D> manager;
  private final List<SentCommand> sent = new ArrayList<>();
  private final String sagaId;
  private final VirtualClock clock;
  private Instant now;
  private Instant deadline;
  private Timer timer;
  private String attention;
  private boolean pastDeadline;
  private int read;

  /** The step awaiting a reply: its command as sent, its attempt and when it is due. */
  private record Timer(RecordingMessageProducer.Sent command, String commandType, StepPolicy policy, int attempt,
                       Instant dueAt) {
  }

  SagaRun(DeclaredSaga<D> saga, D data, SagaPolicyProperties policies, VirtualClock clock) {
    this.saga = saga;
    this.policies = policies;
    this.clock = clock;
    this.now = clock.instant();
    this.deadline = now.plus(saga.deadline());
    Unsupported unsupported = new Unsupported();
    CommandProducerImpl commands = new CommandProducerImpl(producer, new DefaultCommandNameMapping());
    this.manager = new SagaManagerImpl<>(saga, instances, commands, unsupported, unsupported,
        new SagaCommandProducerImpl(commands));
    this.sagaId = manager.create(data).getId();
    takeSent();
  }

  // --- driving -------------------------------------------------------------------------------------------------

  /** The participant of the step awaiting a reply answers with success. */
  public SagaRun<D> reply(Object reply) {
    return answer(reply, false);
  }

  /** The participant of the step awaiting a reply answers with failure. */
  public SagaRun<D> fail(Object reply) {
    return answer(reply, true);
  }

  /** Lets virtual time pass, firing every timer that falls due meanwhile, in order. */
  public SagaRun<D> advance(Duration duration) {
    Instant until = now.plus(duration);
    while (timer != null && !timer.dueAt().isAfter(until)) {
      moveTo(timer.dueAt());
      fire();
    }
    moveTo(until);
    return this;
  }

  private void moveTo(Instant instant) {
    now = instant;
    clock.set(instant);
  }

  // --- asserting ----------------------------------------------------------------------------------------------

  /** The next command sent (in order) is this one; it may be sent to any channel. */
  public SagaRun<D> expectCommand(Object expected) {
    SentCommand next = nextSent();
    if (!Objects.equals(next.command(), expected)) {
      throw new AssertionError("Expected the saga to send " + expected + " but it sent " + next.command()
          + " (to " + next.channel() + ", attempt " + next.attempt() + ")");
    }
    return this;
  }

  /** The next command sent is this one, to this channel. */
  public SagaRun<D> expectCommand(Object expected, String channel) {
    SentCommand next = peekSent();
    if (!next.channel().equals(channel)) {
      throw new AssertionError("Expected " + expected + " to be sent to " + channel + " but it went to "
          + next.channel());
    }
    return expectCommand(expected);
  }

  /** The next command sent, whatever it is, for assertions of one's own. */
  public SentCommand nextSent() {
    SentCommand next = peekSent();
    read++;
    return next;
  }

  /** Every command sent so far has been read by an expectation. */
  public SagaRun<D> expectNoMoreCommands() {
    if (read < sent.size()) {
      throw new AssertionError("The saga sent more than expected: " + sent.subList(read, sent.size()));
    }
    return this;
  }

  public SagaRun<D> expectState(SagaState expected) {
    if (state() != expected) {
      throw new AssertionError("Expected the saga " + expected + " but it is " + state()
          + (attention == null ? "" : " (" + attention + ")"));
    }
    return this;
  }

  /** The saga is flagged past its deadline: a step it may not undo (the pivot or after) is still unanswered. */
  public SagaRun<D> expectPastDeadline() {
    if (!pastDeadline) {
      throw new AssertionError("The saga is not flagged past its deadline " + deadline + " (now " + now + ")");
    }
    return this;
  }

  public SagaState state() {
    if (attention != null) {
      return SagaState.NEEDS_ATTENTION;
    }
    SagaInstance instance = instance();
    if (Boolean.TRUE.equals(instance.isEndState())) {
      if (Boolean.TRUE.equals(instance.isFailed())) {
        return SagaState.FAILED;
      }
      return Boolean.TRUE.equals(instance.isCompensating()) ? SagaState.COMPENSATED : SagaState.COMPLETED;
    }
    return Boolean.TRUE.equals(instance.isCompensating()) ? SagaState.COMPENSATING : SagaState.RUNNING;
  }

  /** Why the saga is parked, when it is. */
  public String attention() {
    return attention;
  }

  public D data() {
    return SagaDataSerde.deserializeSagaData(instance().getSerializedSagaData());
  }

  public List<SentCommand> sent() {
    return List.copyOf(sent);
  }

  public Instant now() {
    return now;
  }

  /** The saga's deadline: from its start, plus the wait of each step that awaited a person. */
  public Instant deadline() {
    return deadline;
  }

  // --- the runtime's rules -------------------------------------------------------------------------------------

  private SagaRun<D> answer(Object reply, boolean failure) {
    if (state().isTerminal() || state() == SagaState.NEEDS_ATTENTION) {
      throw new AssertionError("The saga is " + state() + "; no step awaits a reply");
    }
    if (failure && reply instanceof CompensationRefused refused) {
      park("Compensation refused: " + refused.fact());
      return this;
    }
    if (timer == null) {
      throw new AssertionError("No step awaits a reply");
    }
    boolean compensating = compensating();
    boolean retriable = !compensating && timer.policy().kind() == StepKind.RETRIABLE;
    switch (new ReplyDecision(failure, compensating, retriable).action()) {
      case RETRY_COMPENSATION -> rearm();
      case RETRY_STEP -> {
        if (!now.isBefore(deadline)) {
          park("Retriable step failed past the deadline: " + reply);
        } else {
          rearm();
        }
      }
      case DELIVER -> {
        String inReplyTo = timer.command().message().getId();
        timer = null;
        deliver(reply, failure, inReplyTo);
      }
    }
    return this;
  }

  private void fire() {
    boolean compensating = compensating();
    StepPolicy policy = timer.policy();
    int maxAttempts = compensating ? policies.compensationMaxAttempts() : policy.maxAttempts();
    boolean late = !now.isBefore(deadline);
    if (late && !compensating && !policy.kind().undoneOnTimeout()) {
      pastDeadline = true;
    }
    switch (new TimeoutDecision(policy.kind(), compensating, timer.attempt(), maxAttempts, late, false).action()) {
      case WAIT_LONGER -> rearm();
      case RESEND -> resend();
      case GIVE_UP -> giveUp();
      case PARK -> park(timer.commandType() + " not confirmed after " + timer.attempt() + " attempts");
    }
  }

  private void resend() {
    Message original = timer.command().message();
    MessageBuilder copy = MessageBuilder.withPayload(original.getPayload());
    original.getHeaders().forEach((name, value) -> {
      if (!name.equals(Message.ID) && !name.equals(Message.DESTINATION)) {
        copy.withHeader(name, value);
      }
    });
    copy.withHeader(CommandTracker.ATTEMPT, String.valueOf(timer.attempt() + 1));
    timer = null;
    producer.send(original.getHeaders().get(Message.DESTINATION), copy.build());
    takeSent();
  }

  /** Undo the step itself (it may have happened), then fail it so that the saga compensates the ones before. */
  private void giveUp() {
    String commandType = timer.commandType();
    int attempt = timer.attempt();
    timer = null;
    saga.compensationOfTimedOut(commandType, sagaId, saga.businessKey(data())).ifPresent(undo ->
        sent.add(new SentCommand(undo.channel(), undo.command(), 1, false, now)));
    deliver(new StepTimedOut(commandType, attempt), true, "timeout-" + UUID.randomUUID());
  }

  private void park(String why) {
    attention = why;
    timer = null;
  }

  private void rearm() {
    timer = new Timer(timer.command(), timer.commandType(), timer.policy(), timer.attempt(),
        now.plus(policies.stepTimeout()));
  }

  private void deliver(Object reply, boolean failure, String inReplyTo) {
    MessageBuilder message = MessageBuilder.withPayload(toJson(reply))
        .withHeader("reply_type", reply.getClass().getName())
        .withHeader("reply_outcome-type", failure ? "FAILURE" : "SUCCESS")
        .withHeader("reply_to_message_id", inReplyTo)
        .withHeader("commandreply_saga_id", sagaId)
        .withHeader("commandreply_saga_type", saga.getSagaType());
    manager.handleMessage(message.build());
    takeSent();
  }

  /** Reads what the saga just sent: each tracked command arms its step's timer, as {@code CommandTracker} does. */
  private void takeSent() {
    for (RecordingMessageProducer.Sent message : producer.takeUnread()) {
      Map<String, String> headers = message.message().getHeaders();
      String className = headers.get("command_type");
      if (className == null) {
        continue;
      }
      String commandType = MessageCatalog.wireNameForClassName(className).orElse(className);
      int attempt = Integer.parseInt(headers.getOrDefault(CommandTracker.ATTEMPT, "1"));
      sent.add(new SentCommand(message.destination(), fromJson(message.message().getPayload(), className), attempt,
          true, now));
      StepPolicy policy = saga.policyFor(commandType).orElseGet(policies::compensatable);
      timer = new Timer(message, commandType, policy, attempt, now.plus(policies.waitFor(policy, attempt)));
      if (policy.awaitsPerson() && attempt == 1) {
        deadline = deadline.plus(policy.timeout());
      }
    }
  }

  private boolean compensating() {
    return Boolean.TRUE.equals(instance().isCompensating());
  }

  private SagaInstance instance() {
    return instances.find(saga.getSagaType(), sagaId);
  }

  private SentCommand peekSent() {
    if (read >= sent.size()) {
      throw new AssertionError("The saga sent nothing more (state " + state() + "); sent so far: " + sent);
    }
    return sent.get(read);
  }

  private static String toJson(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object fromJson(String json, String className) {
    try {
      return JSON.readValue(json, Class.forName(className));
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read a " + className + " from " + json, e);
    }
  }
}
