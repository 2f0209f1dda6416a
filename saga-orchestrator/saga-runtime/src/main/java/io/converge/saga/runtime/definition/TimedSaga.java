package io.converge.saga.runtime.definition;

import io.eventuate.tram.commands.common.Command;
import java.util.Optional;

/**
 * What a saga declares to the runtime, beside its Eventuate definition: its type, the kind and time bounds of each
 * step, the undo of each compensatable step, and its deadline. The runtime serves any number of them side by side.
 */
public interface TimedSaga {

  /**
   * The type on the wire and in Eventuate's tables (Eventuate's {@code Saga.getSagaType}): the type and the version of
   * its definition, {@link SagaTypes#wireType}.
   */
  String getSagaType();

  /** The saga's type, whatever the version: what operators filter by. */
  String typeName();

  /** The version of the definition; an instance runs to its end on the version it started on. */
  int version();

  /**
   * The policy of the forward step that sends this command (by wire name): its kind (compensatable, pivot, retriable)
   * and its time bounds. Empty for a compensation.
   */
  Optional<StepPolicy> policyFor(String commandType);

  /** Its forward steps' commands (wire names), in the order they run; a step may be skipped for some data. */
  java.util.List<String> forwardSteps();

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
