package io.converge.orchestrator.cancelorder;

import io.converge.contracts.customer.CustomerChannels;
import io.converge.contracts.customer.ReleaseCredit;
import io.converge.contracts.inventory.InventoryChannels;
import io.converge.contracts.inventory.ReleaseStock;
import io.converge.contracts.order.ConfirmCancellation;
import io.converge.contracts.order.OrderChannels;
import io.converge.contracts.order.UndoCancellation;
import io.converge.contracts.payment.PaymentChannels;
import io.converge.contracts.payment.VoidPayment;
import io.converge.orchestrator.participants.ParticipantReads;
import io.converge.orchestrator.participants.ParticipantReads.Observed;
import io.converge.saga.runtime.reconciliation.EndedSaga;
import io.converge.saga.runtime.reconciliation.Finding;
import io.converge.saga.runtime.reconciliation.SagaInvariants;
import io.converge.saga.runtime.state.SagaState;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What every participant holds once a cancel-order saga ended. COMPLETED: the order CANCELLED, and no stock, credit or
 * authorized payment left for it; whatever is left is released again (every step after the pivot is idempotent and
 * safe to repeat), a lock left pending is confirmed. COMPENSATED (the order could not be cancelled): the order is not
 * left locked (the lock is undone again) and nothing was given back; a given-back payment under a compensated
 * cancellation parks it.
 */
@Component
class CancelOrderInvariants implements SagaInvariants {

  private final ParticipantReads participants;

  CancelOrderInvariants(ParticipantReads participants) {
    this.participants = participants;
  }

  @Override
  public String sagaType() {
    return CancelOrderSaga.TYPE;
  }

  @Override
  public List<Finding> check(List<EndedSaga> sagas) {
    return participants.checkEach(sagas,
        (saga, held) -> findings(saga.sagaId(), saga.businessKey(), saga.state(), held));
  }

  static List<Finding> findings(String sagaId, String orderId, SagaState state, Observed held) {
    String cancellation = sagaId;
    List<Finding> findings = new ArrayList<>();
    if (state == SagaState.COMPLETED) {
      if (held.order().equals("CANCELLATION_PENDING")) {
        findings.add(Finding.repair(sagaId, orderId, "ORDER_STATE", "order still CANCELLATION_PENDING",
            new ConfirmCancellation(orderId, cancellation), OrderChannels.COMMANDS));
      } else if (!held.order().equals("CANCELLED")) {
        findings.add(Finding.park(sagaId, orderId, "ORDER_STATE", "order is " + held.order()
            + ", saga says cancelled"));
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
    } else if (state == SagaState.FAILED) {
      findings.add(Finding.park(sagaId, orderId, "SAGA_FAILED", "cancellation ended FAILED; order " + held.order()
          + ", stock " + held.stock() + ", credit " + held.credit() + ", payment " + held.payment()));
    } else if (state == SagaState.COMPENSATED) {
      if (held.order().equals("CANCELLATION_PENDING")) {
        findings.add(Finding.repair(sagaId, orderId, "ORDER_STATE", "order still locked for the cancellation",
            new UndoCancellation(orderId, cancellation), OrderChannels.COMMANDS));
      } else if (held.order().equals("CANCELLED")) {
        findings.add(Finding.park(sagaId, orderId, "ORDER_STATE", "order is CANCELLED, saga says not cancelled"));
      }
      if (held.order().equals("APPROVED") && !held.payment().equals("AUTHORIZED")) {
        findings.add(Finding.park(sagaId, orderId, "PAYMENT", "payment is " + held.payment()
            + " for an order that stays APPROVED"));
      }
    }
    if (findings.stream().anyMatch(f -> !f.repairable())) {
      return findings.stream().map(f -> Finding.park(f.sagaId(), f.businessKey(), f.invariant(), f.detail())).toList();
    }
    return findings;
  }
}
