package io.converge.orchestrator.placeorder;

import io.converge.orchestrator.participants.OrderHistoryReads;
import io.converge.orchestrator.participants.OrderHistoryReads.Facts;
import io.converge.orchestrator.participants.ParticipantReads;
import io.converge.orchestrator.participants.ParticipantReads.Observed;
import io.converge.saga.runtime.reconciliation.EndedSaga;
import io.converge.saga.runtime.reconciliation.Finding;
import io.converge.saga.runtime.state.SagaState;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The read side's invariant: the order history says what the services of record hold (the order's state, what each
 * service holds for it, and the amounts of its credit and payment) and how the saga ended. A difference is reported
 * (READ_MODEL), never repaired here and never parking the saga: the services agree with the saga, and a rebuild of
 * the read model is the repair. The history is asked again after {@link #LAG} before anything is reported, so that a
 * model a moment behind is not called drifted.
 */
@Component
class OrderHistoryDrift {

  static final String INVARIANT = "READ_MODEL";
  /** Well above the read model's lag (p99 ~0.1 s under the bench's load; docs/consistency.md). */
  static final Duration LAG = Duration.ofSeconds(2);

  /** Facet states in which a service holds nothing for the order: equal as far as the history's word goes. */
  private static final Set<String> HOLDS_NOTHING = Set.of(ParticipantReads.NONE, "RELEASED", "REJECTED", "VOIDED",
      "DECLINED");

  private static final Set<String> AFTER_THE_END = Set.of(SagaState.NEEDS_ATTENTION.name(),
      SagaState.RESOLVED.name());

  private final OrderHistoryReads history;

  OrderHistoryDrift(OrderHistoryReads history) {
    this.history = history;
  }

  List<Finding> check(List<EndedSaga> sagas, Map<String, Observed> held) {
    List<EndedSaga> judged = sagas.stream()
        .filter(s -> s.state() == SagaState.COMPLETED || s.state() == SagaState.COMPENSATED).toList();
    Map<EndedSaga, Facts> differing = differing(judged, held);
    if (differing.isEmpty()) {
      return List.of();
    }
    try {
      Thread.sleep(LAG.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    differing(List.copyOf(differing.keySet()), held).forEach((saga, facts) -> findings.add(Finding.report(
        saga.sagaId(), saga.businessKey(), INVARIANT, describe(saga, observed(held, saga), facts))));
    return findings;
  }

  /** The sagas whose order the history tells otherwise than the services, with what it tells (null: nothing). */
  private Map<EndedSaga, Facts> differing(List<EndedSaga> sagas, Map<String, Observed> held) {
    Map<EndedSaga, Facts> differing = new LinkedHashMap<>();
    if (sagas.isEmpty()) {
      return differing;
    }
    Optional<Map<String, Facts>> facts = history.facts(sagas.stream().map(EndedSaga::businessKey).distinct()
        .toList());
    if (facts.isEmpty()) {
      return differing;
    }
    for (EndedSaga saga : sagas) {
      Facts told = facts.get().get(saga.businessKey());
      if (!agrees(saga, observed(held, saga), told)) {
        differing.put(saga, told);
      }
    }
    return differing;
  }

  private static Observed observed(Map<String, Observed> held, EndedSaga saga) {
    return held.getOrDefault(saga.businessKey(), ParticipantReads.NOTHING);
  }

  static boolean agrees(EndedSaga saga, Observed services, Facts history) {
    return history != null && Objects.equals(services.order(), orNone(history.state()))
        && sameHolding(services.stock(), history.stock()) && sameHolding(services.credit(), history.credit())
        && sameHolding(services.payment(), history.payment())
        && sameAmount(services.creditAmount(), history.creditAmount())
        && sameAmount(services.paymentAmount(), history.paymentAmount())
        && sameSagaState(saga, history.sagas().get(saga.sagaId()));
  }

  /**
   * The history's state of the saga is its end, or one a person or the reconciler moved it to after its end (parked,
   * resolved) since it was read here. A saga the history has no entry for is not judged: sagas that ended before
   * the orchestrator published its events have none, and a rebuild cannot make them.
   */
  private static boolean sameSagaState(EndedSaga saga, String history) {
    return history == null || history.equals(saga.state().name()) || AFTER_THE_END.contains(history);
  }

  /**
   * Where both name an amount, it is the same. One without is judged by the states alone: a release that came before
   * any reservation leaves the service a row and the history no credit fact.
   */
  private static boolean sameAmount(BigDecimal service, BigDecimal history) {
    return service == null || history == null || service.compareTo(history) == 0;
  }

  private static boolean sameHolding(String service, String history) {
    String seen = orNone(history);
    return service.equals(seen) || (HOLDS_NOTHING.contains(service) && HOLDS_NOTHING.contains(seen));
  }

  private static String describe(EndedSaga saga, Observed services, Facts history) {
    String says = history == null ? "has no order" : "says order " + orNone(history.state()) + ", stock "
        + orNone(history.stock()) + ", credit " + orNone(history.credit()) + " " + history.creditAmount()
        + ", payment " + orNone(history.payment()) + " " + history.paymentAmount() + ", saga "
        + orNone(history.sagas().get(saga.sagaId()));
    return "the order history " + says + "; the services hold order " + services.order() + ", stock "
        + services.stock() + ", credit " + services.credit() + " " + services.creditAmount() + ", payment "
        + services.payment() + " " + services.paymentAmount() + ", and the saga is " + saga.state();
  }

  private static String orNone(String state) {
    return state == null ? ParticipantReads.NONE : state;
  }
}
