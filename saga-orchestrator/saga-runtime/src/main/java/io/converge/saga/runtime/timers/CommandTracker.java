package io.converge.saga.runtime.timers;

import io.converge.saga.runtime.definition.SagaPolicyProperties;
import io.converge.saga.runtime.definition.SagaTypes;
import io.converge.saga.runtime.definition.StepPolicy;
import io.converge.saga.runtime.state.SagaStore;
import io.eventuate.tram.messaging.common.Message;
import io.eventuate.tram.messaging.common.MessageInterceptor;
import org.springframework.stereotype.Component;

/**
 * For every saga command sent, in the transaction that sends it: await a reply to exactly that message and arm the
 * step's timer. A crash after commit loses neither; a rollback keeps neither.
 */
@Component
public class CommandTracker implements MessageInterceptor {

  /** Which attempt of its step a command is (1 when absent). */
  public static final String ATTEMPT = "converge_attempt";
  /** Marks a command the saga sends without awaiting its reply (the compensation of a timed-out step). */
  public static final String UNTRACKED = "converge_untracked";

  private final SagaTimers timers;
  private final SagaTypes sagaTypes;
  private final SagaPolicyProperties properties;
  private final SagaStore sagas;

  CommandTracker(SagaTimers timers, SagaTypes sagaTypes, SagaPolicyProperties properties, SagaStore sagas) {
    this.timers = timers;
    this.sagas = sagas;
    this.sagaTypes = sagaTypes;
    this.properties = properties;
  }

  @Override
  public void postSend(Message message, Exception e) {
    if (e != null || message.getHeader(UNTRACKED).isPresent()) {
      return;
    }
    message.getHeader("command_saga_id").ifPresent(sagaId -> {
      int attempt = message.getHeader(ATTEMPT).map(Integer::parseInt).orElse(1);
      String commandType = message.getRequiredHeader("command_type");
      timers.awaitReplyTo(message.getId(), sagaId, attempt);
      StepPolicy policy = sagaTypes.policyFor(message.getHeader("command_saga_type").orElse("?"), commandType);
      timers.arm(sagaId, properties.waitFor(policy, attempt).toMillis(), attempt, message.getId(), commandType);
      if (policy.awaitsPerson() && attempt == 1) {
        sagas.extendDeadline(sagaId, policy.timeout());
      }
    });
  }
}
