package io.converge.saga.runtime.definition;

/**
 * Where a forward step stands in the classic saga structure, which decides what a timeout may do to it. A timeout
 * leaves a step's outcome unknown (the command may be queued, being handled, or handled with its reply on the way).
 */
public enum StepKind {

  /**
   * Before the pivot: can be undone by its compensation, which succeeds whether or not the step ever ran. A timeout
   * after the step's attempts (or past the saga's deadline) undoes it and the saga compensates.
   */
  COMPENSATABLE,

  /**
   * The go/no-go step: its failure reply compensates the steps before it, but once it succeeds the saga runs to
   * completion. Never compensated because of a timeout or a deadline: sent again under the same business key until a
   * reply decides.
   */
  PIVOT,

  /**
   * After the pivot: guaranteed to succeed eventually, so sent again (also after a failure reply) until it does.
   * Never compensated.
   */
  RETRIABLE;

  /** Whether a timeout or a deadline may ever turn this step into a compensation. */
  public boolean undoneOnTimeout() {
    return this == COMPENSATABLE;
  }
}
