package io.converge.contracts;

/**
 * A failure reply to a compensation that could not undo what it was sent to undo, because the participant has moved
 * past the point of undoing it. The saga must stop claiming "compensated": it is parked for a person with this fact.
 * A compensation answers success only when what it undoes is undone now or never existed.
 */
public interface CompensationRefused {

  /** What the participant holds that the compensation could not undo, in words an operator acts on. */
  String fact();
}
