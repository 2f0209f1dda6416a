package io.converge.saga.runtime.dashboard;

import java.util.List;
import java.util.Map;

/**
 * What each participant holds now for a saga's business object, fetched live for the saga's page; declared by the
 * service next to its sagas (the runtime knows no participant).
 */
public interface ParticipantViews {

  /** The saga types whose business objects this reads. */
  List<String> sagaTypes();

  /** Participant → what it holds for the object (its own word, e.g. {@code order-service → APPROVED}). */
  Map<String, String> of(String businessKey);
}
