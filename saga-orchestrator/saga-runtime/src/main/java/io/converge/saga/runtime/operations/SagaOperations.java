package io.converge.saga.runtime.operations;

import io.converge.saga.runtime.definition.SagaTypes;
import io.converge.saga.runtime.definition.StepKind;
import io.converge.saga.runtime.state.SagaState;
import io.converge.saga.runtime.state.SagaStore;
import io.converge.saga.runtime.timers.SagaTimers;
import io.converge.service.web.ConflictException;
import io.converge.service.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What an operator may do to a saga; each action is recorded with who, when and why, with the change it makes. */
@Service
public class SagaOperations {

  private static final int HISTORY_TEXT_LENGTH = 255;

  private final SagaStore sagas;
  private final SagaTimers timers;
  private final SagaTypes sagaTypes;
  private final JdbcTemplate jdbc;

  SagaOperations(SagaStore sagas, SagaTimers timers, SagaTypes sagaTypes, JdbcTemplate jdbc) {
    this.sagas = sagas;
    this.timers = timers;
    this.sagaTypes = sagaTypes;
    this.jdbc = jdbc;
  }

  /**
   * Sends the saga's last command again now: retries a stuck step, or resumes a parked compensation (which then gets
   * its attempts anew).
   */
  @Transactional
  public void retry(String sagaId, String operator, String comment) {
    SagaState state = lockedState(sagaId);
    if (state.isTerminal() || ended(sagaId)) {
      throw new ConflictException("Saga " + sagaId + " is " + state + " and its steps are over: nothing to retry"
          + (state == SagaState.NEEDS_ATTENTION ? "; resolve it once its participants agree" : ""));
    }
    LastCommand last = jdbc.query("SELECT message_id, message_type FROM saga_history WHERE saga_id = ? "
            + "AND kind = 'COMMAND_SENT' ORDER BY id DESC LIMIT 1",
        (rs, row) -> new LastCommand(rs.getString(1), rs.getString(2)), sagaId).stream().findFirst()
        .orElseThrow(() -> new ConflictException("Saga " + sagaId + " has sent no command yet"));
    if (state == SagaState.NEEDS_ATTENTION) {
      sagas.resumeCompensating(sagaId);
    }
    timers.arm(sagaId, 0, 0, last.messageId(), last.type());
    record(sagaId, "RETRY", operator, comment);
  }

  /**
   * Gives up on a running saga now, as its deadline would: allowed only while it awaits a compensatable step (before
   * its pivot). The step's timer falls due with the deadline passed, so the timer does what it does at the deadline:
   * undoes the step itself and fails it, and the saga compensates the steps before it. Past the pivot a saga only goes
   * forward: refused.
   */
  @Transactional
  public void compensateNow(String sagaId, String operator, String comment) {
    SagaState state = lockedState(sagaId);
    if (state != SagaState.RUNNING) {
      throw new ConflictException("Only a running saga can be compensated now; saga " + sagaId + " is " + state);
    }
    String step = timers.currentCommandType(sagaId).orElseThrow(() -> new ConflictException("Saga " + sagaId
        + " awaits no reply right now; try again in a moment"));
    String wireType = sagas.identity(sagaId).wireType();
    StepKind kind = sagaTypes.policyFor(wireType, step).kind();
    if (!sagaTypes.isForwardStep(wireType, step) || kind != StepKind.COMPENSATABLE) {
      throw new ConflictException("Saga " + sagaId + " awaits " + step + ", a " + kind.name().toLowerCase(
          java.util.Locale.ROOT) + " step: past its pivot a saga only goes forward (retry it, or resolve it once"
          + " parked)");
    }
    sagas.deadlineNow(sagaId);
    timers.dueNow(sagaId);
    record(sagaId, "COMPENSATE", operator, comment);
  }

  /** Closes a parked saga whose remaining inconsistency an operator has dealt with by other means. */
  @Transactional
  public void resolve(String sagaId, String operator, String comment) {
    SagaState state = lockedState(sagaId);
    if (state != SagaState.NEEDS_ATTENTION) {
      throw new ConflictException("Only a saga in NEEDS_ATTENTION can be marked resolved; this one is " + state);
    }
    sagas.resolved(sagaId);
    record(sagaId, "RESOLVE", operator, comment);
  }

  private SagaState lockedState(String sagaId) {
    return sagas.lock(sagaId).orElseThrow(() -> new NotFoundException("No saga " + sagaId));
  }

  /** Parked after it ended (the reconciler found a participant contradicting it): no step of it is left to send. */
  private boolean ended(String sagaId) {
    return sagas.endedBefore(sagaId);
  }

  private void record(String sagaId, String action, String operator, String comment) {
    jdbc.update("INSERT INTO saga_operator_actions (saga_id, action, operator, comment, at) VALUES (?, ?, ?, ?, NOW(3))",
        sagaId, action, operator, comment);
    sagas.record(sagaId, "OPERATOR_" + action, operator, historyText(comment), null, null, null);
  }

  /**
   * The comment as the saga's history shows it: the history's text column holds 255 characters, the action's own
   * record (above) the whole comment.
   */
  static String historyText(String comment) {
    if (comment == null) {
      return "";
    }
    if (comment.codePointCount(0, comment.length()) <= HISTORY_TEXT_LENGTH) {
      return comment;
    }
    return comment.substring(0, comment.offsetByCodePoints(0, HISTORY_TEXT_LENGTH - 1)) + "…";
  }

  private record LastCommand(String messageId, String type) {
  }
}
