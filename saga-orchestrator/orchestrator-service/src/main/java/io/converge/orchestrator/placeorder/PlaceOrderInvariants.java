package io.converge.orchestrator.placeorder;

import io.converge.contracts.RejectionReason;
import io.converge.contracts.customer.CustomerChannels;
import io.converge.contracts.customer.ReleaseCredit;
import io.converge.contracts.inventory.InventoryChannels;
import io.converge.contracts.inventory.ReleaseStock;
import io.converge.contracts.order.OrderChannels;
import io.converge.contracts.order.RejectOrder;
import io.converge.contracts.payment.PaymentChannels;
import io.converge.contracts.payment.VoidPayment;
import io.converge.contracts.payment.WithdrawReview;
import io.converge.orchestrator.participants.ParticipantReads;
import io.converge.orchestrator.participants.ParticipantReads.Held;
import io.converge.orchestrator.participants.ParticipantReads.Holding;
import io.converge.orchestrator.participants.ParticipantReads.Observed;
import io.converge.saga.runtime.reconciliation.EndedSaga;
import io.converge.saga.runtime.reconciliation.Finding;
import io.converge.saga.runtime.reconciliation.SagaInvariants;
import io.converge.saga.runtime.state.SagaState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * What every participant must hold once a place-order saga ended, and what is safe to do when one does not. A
 * COMPLETED saga: the order APPROVED, its stock and credit RESERVED, its payment AUTHORIZED, its risk review (if it
 * had one) APPROVED. A COMPENSATED saga: the order REJECTED, nothing held for it and no risk review open. Undoing
 * what a compensated saga left held is safe (compensations are idempotent and succeed over nothing), so it is
 * repaired; anything else (an approved order under a compensated saga, something missing under a completed one)
 * cannot be put right by re-sending a command, and parks the saga.
 */
@Component
class PlaceOrderInvariants implements SagaInvariants {

  /** Order states a cancellation leaves: the order was approved, then handed to a cancel-order saga. */
  private static final List<String> CANCELLED = List.of("CANCELLATION_PENDING", "CANCELLED");

  private final ParticipantReads participants;
  private final OrderHistoryDrift orderHistory;

  PlaceOrderInvariants(ParticipantReads participants, OrderHistoryDrift orderHistory) {
    this.participants = participants;
    this.orderHistory = orderHistory;
  }

  @Override
  public String sagaType() {
    return PlaceOrderSaga.TYPE;
  }

  /** The participants against the saga; then the order history against the participants (reported only). */
  @Override
  public List<Finding> check(List<EndedSaga> sagas) {
    Map<String, Observed> held = participants.observe(sagas.stream().map(EndedSaga::businessKey).distinct().toList());
    List<Finding> findings = new ArrayList<>();
    for (EndedSaga saga : sagas) {
      findings.addAll(findings(saga.sagaId(), saga.businessKey(), saga.state(), saga.reason(),
          held.getOrDefault(saga.businessKey(), ParticipantReads.NOTHING)));
    }
    findings.addAll(orderHistory.check(sagas, held));
    return findings;
  }


  /** Stock, credit or payments held since an instant for orders that order-service does not have: released. */
  @Override
  public List<Finding> orphans(Instant since, int limit, Function<String, Optional<String>> sagaOf) {
    List<Finding> findings = new ArrayList<>();
    for (Holding holding : Holding.values()) {
      Set<String> orderIds = new LinkedHashSet<>();
      participants.heldSince(holding, since, limit).stream().map(Held::orderId).forEach(orderIds::add);
      Map<String, String> orders = participants.orderStates(List.copyOf(orderIds));
      for (String orderId : orderIds) {
        if (!orders.containsKey(orderId)) {
          findings.add(orphan(sagaOf.apply(orderId).orElse(null), orderId, holding));
        }
      }
    }
    return findings;
  }

  /** The findings for one ended saga, from what each participant holds for its order. */
  static List<Finding> findings(String sagaId, String orderId, SagaState state, String reason, Observed held) {
    List<Finding> findings = new ArrayList<>();
    switch (state) {
      case COMPLETED -> {
        if (CANCELLED.contains(held.order())) {
          // Cancelled since: the cancel-order saga owns the order now, and its invariants judge it.
          return findings;
        }
        expectHeld(findings, sagaId, orderId, "ORDER_STATE", held.order(), "APPROVED", "order");
        expectHeld(findings, sagaId, orderId, "STOCK_RESERVATION", held.stock(), "RESERVED", "stock reservation");
        expectHeld(findings, sagaId, orderId, "CREDIT_RESERVATION", held.credit(), "RESERVED", "credit reservation");
        expectHeld(findings, sagaId, orderId, "PAYMENT", held.payment(), "AUTHORIZED", "payment");
        if (!held.review().equals(ParticipantReads.NONE)) {
          expectHeld(findings, sagaId, orderId, "RISK_REVIEW", held.review(), "APPROVED", "risk review");
        }
      }
      case COMPENSATED -> {
        if (held.order().equals("APPROVED")) {
          findings.add(Finding.park(sagaId, orderId, "ORDER_STATE",
              "order is APPROVED at order-service, saga says COMPENSATED"));
        } else if (!held.order().equals("REJECTED")) {
          findings.add(Finding.repair(sagaId, orderId, "ORDER_STATE", "order is " + held.order()
                  + ", saga says COMPENSATED", new RejectOrder(orderId, rejectionReason(reason)),
              OrderChannels.COMMANDS));
        }
        if (held.stock().equals("RESERVED")) {
          findings.add(Finding.repair(sagaId, orderId, "STOCK_RESERVATION", "stock still RESERVED",
              new ReleaseStock(orderId), InventoryChannels.COMMANDS));
        }
        if (held.credit().equals("RESERVED")) {
          findings.add(Finding.repair(sagaId, orderId, "CREDIT_RESERVATION", "credit still RESERVED",
              new ReleaseCredit(orderId), CustomerChannels.COMMANDS));
        }
        if (held.payment().equals("AUTHORIZED")) {
          findings.add(Finding.repair(sagaId, orderId, "PAYMENT", "payment still AUTHORIZED",
              new VoidPayment(orderId), PaymentChannels.COMMANDS));
        }
        if (held.review().equals("PENDING") || held.review().equals("APPROVED")) {
          // A review still open (or approved) for a rejected order would let a person decide what no longer counts.
          findings.add(Finding.repair(sagaId, orderId, "RISK_REVIEW", "risk review still " + held.review(),
              new WithdrawReview(orderId), PaymentChannels.COMMANDS));
        }
      }
      case FAILED -> findings.add(Finding.park(sagaId, orderId, "SAGA_FAILED",
          "saga ended FAILED: a compensation failed; order " + held.order() + ", stock " + held.stock() + ", credit "
              + held.credit() + ", payment " + held.payment()));
      default -> {
        // Running, compensating, parked or resolved: not the reconciler's to judge.
      }
    }
    // A repair next to something only a person can settle would act on half the picture: park it all instead.
    if (findings.stream().anyMatch(f -> !f.repairable())) {
      return findings.stream().map(f -> Finding.park(f.sagaId(), f.businessKey(), f.invariant(), f.detail())).toList();
    }
    return findings;
  }

  /** The release that undoes what a participant holds for an order order-service does not have: always safe. */
  static Finding orphan(String sagaId, String orderId, ParticipantReads.Holding holding) {
    String detail = holding.name().toLowerCase(java.util.Locale.ROOT) + " held " + holding.heldStatus()
        + " but order-service has no order " + orderId;
    return switch (holding) {
      case STOCK -> Finding.repair(sagaId, orderId, "STOCK_WITHOUT_ORDER", detail, new ReleaseStock(orderId),
          InventoryChannels.COMMANDS);
      case CREDIT -> Finding.repair(sagaId, orderId, "CREDIT_WITHOUT_ORDER", detail, new ReleaseCredit(orderId),
          CustomerChannels.COMMANDS);
      case PAYMENT -> Finding.repair(sagaId, orderId, "PAYMENT_WITHOUT_ORDER", detail, new VoidPayment(orderId),
          PaymentChannels.COMMANDS);
    };
  }

  private static void expectHeld(List<Finding> findings, String sagaId, String orderId, String invariant,
                                 String actual, String expected, String what) {
    if (!actual.equals(expected)) {
      findings.add(Finding.park(sagaId, orderId, invariant,
          what + " is " + actual + ", saga says COMPLETED (expected " + expected + ")"));
    }
  }

  private static RejectionReason rejectionReason(String reason) {
    try {
      return reason == null ? RejectionReason.PARTICIPANT_FAILED : RejectionReason.valueOf(reason);
    } catch (IllegalArgumentException e) {
      return RejectionReason.PARTICIPANT_FAILED;
    }
  }
}
