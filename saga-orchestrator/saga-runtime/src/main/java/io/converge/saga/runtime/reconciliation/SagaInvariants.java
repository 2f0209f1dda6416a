package io.converge.saga.runtime.reconciliation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every participant must hold once a saga of one type ended, declared next to the saga: the reconciler's sweep
 * hands it the sagas of its type that ended, and acts on its findings (repairs what a finding says is safe, parks the
 * rest). Implementations read the participants through their own APIs and change nothing.
 */
public interface SagaInvariants {

  /** The saga type whose sagas this checks. */
  String sagaType();

  /** The findings for these ended sagas of this type (none when every participant agrees). */
  List<Finding> check(List<EndedSaga> sagas);

  /**
   * What a participant holds since an instant for a business object that does not exist (at most {@code limit} per
   * participant), each with the repair that releases it; {@code sagaOf} finds the saga of a business key, if any.
   */
  default List<Finding> orphans(Instant since, int limit, Function<String, Optional<String>> sagaOf) {
    return List.of();
  }
}
