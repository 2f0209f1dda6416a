package io.converge.saga.runtime.definition;

import io.eventuate.tram.commands.common.Command;
import java.util.Optional;

/**
 * What a saga declares to the runtime, beside its Eventuate definition: its type, the kind and time bounds of each
 * step, the undo of each compensatable step, and its deadline. The runtime serves any number of them side by side.
 */
public interface TimedSaga {

  /** The saga type on the wire and in the database (Eventuate's {@code Saga.getSagaType}). */
  String getSagaType();

  /**
   * The policy of the forward step that sends this command (by wire name): its kind (compensatable, pivot, retriable)
   * and its time bounds. Empty for a compensation.
   */
  Optional<StepPolicy> policyFor(String commandType);

  /**
   * The command that undoes a compensatable step which timed out. The step may have happened after all (its reply
   * lost or late), and Eventuate compensates only steps that replied, so the orchestrator sends this itself.
   * Participants accept a compensation before the action it undoes, so it is safe either way.
   */
  Optional<Undo> compensationOfTimedOut(String commandType, String sagaId, String businessKey);

  /** A compensation and the channel of the participant that applies it. */
  record Undo(Command command, String channel) {
  }

  /** The saga's whole time bound, from start. */
  java.time.Duration deadline();
}
