package io.converge.orchestrator.timeouts;

import io.converge.contracts.MessageCatalog;
import io.converge.orchestrator.history.SagaState;
import io.converge.orchestrator.history.SagaStore;
import io.eventuate.tram.consumer.common.MessageHandlerDecorator;
import io.eventuate.tram.consumer.common.MessageHandlerDecoratorChain;
import io.eventuate.tram.messaging.common.Message;
import io.eventuate.tram.messaging.common.SubscriberIdAndMessage;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Lets a reply reach the saga only if it answers an attempt of the saga's current step. Eventuate's saga manager
 * applies any reply to whatever step is current, so a late reply (after a timeout or a retry) or a repeat with a new
 * message id would move the wrong step. Runs inside the consumer's duplicate-detection transaction, before the saga
 * manager: the check, the drop and the saga's change commit together.
 *
 * <p>While compensating, a failure reply does not reach Eventuate (which would end the saga failed): the
 * compensation is sent again after a pause, and after its attempts the saga is parked.
 */
@Component
class ReplyCorrelationDecorator implements MessageHandlerDecorator {

  /** Inside duplicate detection (200), before the interceptors and handler (300). */
  static final int ORDER = 250;

  private final SagaTimers timers;
  private final SagaStore sagas;
  private final SagaPolicyProperties properties;
  private final MeterRegistry meterRegistry;

  ReplyCorrelationDecorator(SagaTimers timers, SagaStore sagas, SagaPolicyProperties properties,
                            MeterRegistry meterRegistry) {
    this.timers = timers;
    this.sagas = sagas;
    this.properties = properties;
    this.meterRegistry = meterRegistry;
  }

  @Override
  public void accept(SubscriberIdAndMessage subscriberIdAndMessage, MessageHandlerDecoratorChain chain) {
    Message reply = subscriberIdAndMessage.getMessage();
    Optional<String> sagaId = reply.getHeader("commandreply_saga_id");
    Optional<String> inReplyTo = reply.getHeader("reply_to_message_id");
    if (sagaId.isEmpty() || inReplyTo.isEmpty()) {
      chain.invokeNext(subscriberIdAndMessage);
      return;
    }
    Optional<SagaTimers.Awaited> awaited = timers.sagaAwaiting(inReplyTo.get())
        .filter(a -> a.sagaId().equals(sagaId.get()));
    if (awaited.isEmpty()) {
      sagas.record(sagaId.get(), "REPLY_DROPPED", participant(reply), type(reply),
          reply.getHeader("reply_outcome-type").orElse(null), null, reply.getId());
      return;
    }
    boolean failed = "FAILURE".equals(reply.getHeader("reply_outcome-type").orElse(null));
    if (failed && sagas.state(sagaId.get()).filter(SagaState.COMPENSATING::equals).isPresent()) {
      sagas.record(sagaId.get(), "COMPENSATION_FAILED", participant(reply), type(reply), "FAILURE", null,
          reply.getId());
      timers.rearm(sagaId.get(), properties.stepTimeout().toMillis());
      return;
    }
    timers.stepAnswered(sagaId.get());
    Timer.builder("converge.saga.step.latency").description("Command sent → its reply handled, per participant")
        .tag("participant", participant(reply)).publishPercentiles(0.5, 0.99).register(meterRegistry)
        .record(awaited.get().millisSinceSent(), TimeUnit.MILLISECONDS);
    chain.invokeNext(subscriberIdAndMessage);
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
