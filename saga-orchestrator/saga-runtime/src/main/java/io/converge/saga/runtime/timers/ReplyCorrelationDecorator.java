package io.converge.saga.runtime.timers;

import io.converge.contracts.CompensationRefused;
import io.converge.contracts.MessageCatalog;
import io.converge.saga.runtime.definition.SagaPolicyProperties;
import io.converge.saga.runtime.definition.SagaTypes;
import io.converge.saga.runtime.definition.StepKind;
import io.converge.saga.runtime.state.SagaState;
import io.converge.saga.runtime.state.SagaStore;
import io.eventuate.tram.consumer.common.MessageHandlerDecorator;
import io.eventuate.tram.consumer.common.MessageHandlerDecoratorChain;
import io.eventuate.tram.messaging.common.Message;
import io.eventuate.tram.messaging.common.SubscriberIdAndMessage;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Lets a reply reach the saga only if it answers an attempt of the saga's current step. Eventuate's saga manager
 * applies any reply to whatever step is current, so a late reply (after a timeout or a retry) or a repeat with a new
 * message id would move the wrong step. Runs inside the consumer's duplicate-detection transaction, before the saga
 * manager, after locking the saga: the check, the drop and the saga's change commit together.
 *
 * <p>Beyond Eventuate: a participant's refusal to compensate ({@link CompensationRefused}) parks the saga with the
 * fact, whenever it arrives (also late, also after the saga ended): the saga never claims an outcome a participant
 * contradicts. While compensating, any other failure does not reach Eventuate (which would end the saga failed): the
 * compensation is sent again after a pause, and after its attempts the saga is parked. A failure reply to a retriable
 * step is not a reason to compensate either: the step is sent again.
 */
@Component
class ReplyCorrelationDecorator implements MessageHandlerDecorator {

  /** Inside duplicate detection (200), before the interceptors and handler (300). */
  static final int ORDER = 250;

  private static final Logger log = LoggerFactory.getLogger(ReplyCorrelationDecorator.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SagaTimers timers;
  private final SagaStore sagas;
  private final SagaTypes sagaTypes;
  private final SagaPolicyProperties properties;
  private final StepLatencies latencies;

  ReplyCorrelationDecorator(SagaTimers timers, SagaStore sagas, SagaTypes sagaTypes, SagaPolicyProperties properties,
                            StepLatencies latencies) {
    this.timers = timers;
    this.sagas = sagas;
    this.sagaTypes = sagaTypes;
    this.properties = properties;
    this.latencies = latencies;
  }

  @Override
  public void accept(SubscriberIdAndMessage subscriberIdAndMessage, MessageHandlerDecoratorChain chain) {
    Message reply = subscriberIdAndMessage.getMessage();
    Optional<String> sagaId = reply.getHeader("commandreply_saga_id");
    Optional<String> inReplyTo = reply.getHeader("reply_to_message_id");
    if (sagaId.isEmpty() || inReplyTo.isEmpty() || !forThisSubscriber(subscriberIdAndMessage)) {
      // Not a reply to a saga of the type this subscriber runs (a reply on the wrong channel): Eventuate's manager
      // ignores it, and it must not touch the saga it names either, whose step still awaits its own reply.
      chain.invokeNext(subscriberIdAndMessage);
      return;
    }
    Optional<SagaTimers.LockedForReply> locked = timers.lockForReply(sagaId.get(), inReplyTo.get());
    if (locked.isEmpty()) {
      chain.invokeNext(subscriberIdAndMessage);
      return;
    }
    SagaState state = locked.get().state();
    Optional<CompensationRefused> refusal = refusal(reply);
    if (refusal.isPresent()) {
      refused(sagaId.get(), state, reply, refusal.get());
      return;
    }
    Optional<Long> awaited = locked.get().millisSinceSent();
    if (awaited.isEmpty()) {
      record(sagaId.get(), "REPLY_DROPPED", reply);
      return;
    }
    boolean compensating = state == SagaState.COMPENSATING;
    // Asked only of a failure to a forward step: a success, the common case, costs no query.
    boolean retriableStep = isFailure(reply) && !compensating
        && awaitsRetriableStep(sagaId.get(), reply.getHeader("commandreply_saga_type").orElse("?"));
    switch (new ReplyDecision(isFailure(reply), compensating, retriableStep).action()) {
      case RETRY_COMPENSATION -> {
        record(sagaId.get(), "COMPENSATION_FAILED", reply);
        timers.rearm(sagaId.get(), properties.stepTimeout().toMillis());
      }
      case RETRY_STEP -> retriableStepFailed(sagaId.get(), reply);
      case DELIVER -> {
        timers.stepAnswered(sagaId.get());
        latencies.record(participant(reply), awaited.get());
        chain.invokeNext(subscriberIdAndMessage);
      }
    }
  }

  /** Eventuate's saga manager subscribes as {@code <saga type>-consumer} to its type's reply channel. */
  private static boolean forThisSubscriber(SubscriberIdAndMessage subscriberIdAndMessage) {
    String sagaType = subscriberIdAndMessage.getMessage().getHeader("commandreply_saga_type").orElse("?");
    return subscriberIdAndMessage.getSubscriberId().equals(sagaType + "-consumer");
  }

  /** The participant could not undo: whatever the saga was about to claim, a person must now look. */
  private void refused(String sagaId, SagaState state, Message reply, CompensationRefused refusal) {
    record(sagaId, "COMPENSATION_REFUSED", reply);
    if (state == SagaState.RESOLVED) {
      return;
    }
    log.error("Compensation refused; parking saga: {}", refusal.fact());
    timers.stepAnswered(sagaId);
    sagas.park(sagaId, "Compensation refused by " + participant(reply) + ": " + refusal.fact());
  }

  private boolean awaitsRetriableStep(String sagaId, String sagaType) {
    return timers.currentCommandType(sagaId).filter(command -> sagaTypes.isForwardStep(sagaType, command))
        .map(command -> sagaTypes.policyFor(sagaType, command).kind() == StepKind.RETRIABLE).orElse(false);
  }

  /** After the pivot a failure is retried, not compensated; past the deadline a person looks at it. */
  private void retriableStepFailed(String sagaId, Message reply) {
    record(sagaId, "STEP_FAILED_RETRYING", reply);
    if (sagas.pastDeadline(sagaId)) {
      timers.stepAnswered(sagaId);
      sagas.park(sagaId, "Retriable step failed past the deadline: " + type(reply) + " from " + participant(reply)
          + " " + reply.getPayload());
    } else {
      timers.rearm(sagaId, properties.stepTimeout().toMillis());
    }
  }

  private Optional<CompensationRefused> refusal(Message reply) {
    if (!isFailure(reply)) {
      return Optional.empty();
    }
    return reply.getHeader("reply_type").flatMap(MessageCatalog::refusalClass).map(type -> {
      try {
        return JSON.readValue(reply.getPayload(), type);
      } catch (Exception e) {
        // Unreadable, yet typed as a refusal: still a refusal, stated by its raw payload.
        CompensationRefused raw = () -> type.getSimpleName() + " " + reply.getPayload();
        return raw;
      }
    });
  }

  private void record(String sagaId, String kind, Message reply) {
    sagas.record(sagaId, kind, participant(reply), type(reply), reply.getHeader("reply_outcome-type").orElse(null),
        null, reply.getId());
  }

  private static boolean isFailure(Message reply) {
    return "FAILURE".equals(reply.getHeader("reply_outcome-type").orElse(null));
  }

  private static String type(Message reply) {
    String type = reply.getHeader("reply_type").orElse("?");
    return MessageCatalog.wireNameForClassName(type).orElse(type);
  }

  private static String participant(Message reply) {
    return SagaStore.participantOf(reply.getHeader("commandreply__destination").orElse("?"));
  }

  @Override
  public int getOrder() {
    return ORDER;
  }
}
