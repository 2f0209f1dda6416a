package io.converge.saga.runtime.dashboard;

import io.converge.contracts.MessageCatalog;
import io.converge.saga.runtime.definition.StepKind;
import io.converge.saga.runtime.definition.TimedSaga;
import io.converge.saga.runtime.state.SagaView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * "What happens next" for one saga: its forward steps (done, current, ahead) with their kinds, and the compensations
 * that would run, in order, if it failed now (none once the pivot has been passed: what follows is only retried).
 */
record SagaPlan(List<Step> steps, List<String> compensationsIfItFailedNow, boolean ended) {

  /**
   * @param status DONE, CURRENT (awaiting its reply), AHEAD, SKIPPED (not needed for this saga's data, e.g. no review
   *               for a small order), or NOT_RUN for a saga that ended
   */
  record Step(String command, String kind, String status) {
  }

  static SagaPlan of(SagaView saga, Optional<TimedSaga> definition, Optional<String> awaited) {
    boolean ended = saga.endedAt() != null || saga.state().isTerminal();
    if (definition.isEmpty()) {
      return new SagaPlan(List.of(), List.of(), ended);
    }
    Set<String> sent = saga.history().stream().filter(step -> step.kind().equals("COMMAND_SENT"))
        .map(SagaView.Step::messageType).collect(Collectors.toSet());
    List<Step> steps = new ArrayList<>();
    List<String> compensations = new ArrayList<>();
    boolean pastPivot = false;
    for (String command : definition.get().forwardSteps()) {
      StepKind kind = definition.get().policyFor(command).map(policy -> policy.kind()).orElse(StepKind.COMPENSATABLE);
      String status = awaited.filter(command::equals).isPresent() && !ended ? "CURRENT"
          : sent.contains(command) ? "DONE" : ended ? "NOT_RUN" : "AHEAD";
      steps.add(new Step(command, kind.name().toLowerCase(Locale.ROOT), status));
      if (!status.equals("AHEAD") && !status.equals("NOT_RUN")) {
        if (kind == StepKind.COMPENSATABLE) {
          definition.get().compensationOfTimedOut(command, saga.sagaId(), saga.businessKey())
              .ifPresent(undo -> compensations.add(MessageCatalog.wireNameOf(undo.command().getClass())));
        } else if (status.equals("DONE")) {
          pastPivot = true;
        }
      }
    }
    Collections.reverse(compensations);
    return new SagaPlan(skipped(steps), ended || pastPivot ? List.of() : compensations, ended);
  }

  /** A step never sent while a later one was is one the saga's data left out. */
  private static List<Step> skipped(List<Step> steps) {
    List<Step> marked = new ArrayList<>(steps);
    boolean laterRan = false;
    for (int i = marked.size() - 1; i >= 0; i--) {
      Step step = marked.get(i);
      if (step.status().equals("DONE") || step.status().equals("CURRENT")) {
        laterRan = true;
      } else if (laterRan) {
        marked.set(i, new Step(step.command(), step.kind(), "SKIPPED"));
      }
    }
    return marked;
  }
}
