package io.converge.orchestrator.cancelorder;

import static org.assertj.core.api.Assertions.assertThat;

import io.converge.contracts.customer.CreditReleased;
import io.converge.contracts.customer.ReleaseCredit;
import io.converge.contracts.inventory.ReleaseStock;
import io.converge.contracts.inventory.StockReleased;
import io.converge.contracts.order.BeginCancellation;
import io.converge.contracts.order.CancellationBegun;
import io.converge.contracts.order.ConfirmCancellation;
import io.converge.contracts.order.OrderAlreadyCancelled;
import io.converge.contracts.order.OrderCancelled;
import io.converge.contracts.order.OrderChannels;
import io.converge.contracts.order.UndoCancellation;
import io.converge.contracts.payment.PaymentVoided;
import io.converge.contracts.payment.VoidPayment;
import io.converge.saga.runtime.definition.SagaPolicyProperties;
import io.converge.saga.runtime.state.SagaLifecycle;
import io.converge.saga.runtime.state.SagaState;
import io.converge.saga.testkit.SagaRun;
import io.converge.saga.testkit.SagaTestKit;
import io.converge.saga.testkit.SentCommand;
import io.eventuate.tram.commands.common.Failure;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What the cancel-order saga does in time, with the runtime's rules on a virtual clock (the test kit): step timeouts
 * and retries, the deadline, retried failures and compensations, parking. Milliseconds, no broker, no database.
 */
class CancelOrderSagaTimingTest {

  private static final String ORDER = "order-1";
  private static final SagaPolicyProperties POLICIES = SagaTestKit.defaultPolicies();

  @Test
  void aLockNeverAnsweredIsAskedThreeTimesWithBackoffThenUndoneAndTheSagaCompensates() {
    SagaRun<CancelOrderSagaData> run = start();
    String cancellation = run.data().getCancellationId();

    run.expectCommand(new BeginCancellation(ORDER, cancellation), OrderChannels.COMMANDS)
        .advance(Duration.ofSeconds(3)).expectCommand(new BeginCancellation(ORDER, cancellation))
        .advance(Duration.ofSeconds(6)).expectCommand(new BeginCancellation(ORDER, cancellation))
        .advance(Duration.ofSeconds(11)).expectNoMoreCommands()
        .advance(Duration.ofSeconds(1))
        .expectCommand(new UndoCancellation(ORDER, cancellation), OrderChannels.COMMANDS)
        .expectNoMoreCommands()
        .expectState(SagaState.COMPENSATED);
    assertThat(run.sent()).extracting(SentCommand::attempt).containsExactly(1, 2, 3, 1);
    assertThat(run.data().getNotCancelledBecause()).isEqualTo("STEP_TIMED_OUT");
  }

  @Test
  void thePivotIsAskedAgainPastTheDeadlineAndNeverUndone() {
    SagaRun<CancelOrderSagaData> run = start();
    run.nextSent();
    run.reply(new CancellationBegun(ORDER)).expectCommand(new VoidPayment(ORDER));

    run.advance(Duration.ofMinutes(5));

    assertThat(run.sent()).filteredOn(sent -> sent.command() instanceof VoidPayment).hasSizeGreaterThan(5);
    assertThat(run.sent()).noneMatch(sent -> sent.command() instanceof UndoCancellation);
    run.expectPastDeadline().expectState(SagaState.RUNNING);
    run.reply(new PaymentVoided(ORDER));
    assertThat(run.sent().get(run.sent().size() - 1).command()).isEqualTo(new ReleaseCredit(ORDER));
  }

  @Test
  void aRetriableStepThatFailsIsSentAgainNotCompensated() {
    SagaRun<CancelOrderSagaData> run = start();
    String cancellation = run.data().getCancellationId();
    run.nextSent();
    run.reply(new CancellationBegun(ORDER)).nextSent();
    run.reply(new PaymentVoided(ORDER)).expectCommand(new ReleaseCredit(ORDER));

    run.fail(new CreditReleased(ORDER)).advance(Duration.ofSeconds(3));

    run.expectCommand(new ReleaseCredit(ORDER)).reply(new CreditReleased(ORDER))
        .expectCommand(new ReleaseStock(ORDER)).reply(new StockReleased(ORDER))
        .expectCommand(new ConfirmCancellation(ORDER, cancellation)).reply(new OrderCancelled(ORDER))
        .expectNoMoreCommands()
        .expectState(SagaState.COMPLETED);
  }

  @Test
  void aCompensationThatKeepsFailingIsRetriedThenParkedForAPerson() {
    SagaRun<CancelOrderSagaData> run = start();
    String cancellation = run.data().getCancellationId();
    run.nextSent();
    run.reply(new CancellationBegun(ORDER)).nextSent();
    // Voiding failed: the pivot's failure means the cancellation cannot go on; the lock is undone.
    run.fail(new PaymentVoided(ORDER)).expectCommand(new UndoCancellation(ORDER, cancellation));

    for (int attempt = 1; attempt < POLICIES.compensationMaxAttempts(); attempt++) {
      run.fail(new Failure()).advance(POLICIES.stepTimeout())
          .expectCommand(new UndoCancellation(ORDER, cancellation));
    }
    run.fail(new Failure()).advance(POLICIES.stepTimeout());

    run.expectNoMoreCommands().expectState(SagaState.NEEDS_ATTENTION);
    assertThat(run.attention()).contains("order.UndoCancellation");
  }

  @Test
  void aCompensationRefusedParksTheSagaAtOnceWithTheParticipantsFact() {
    SagaRun<CancelOrderSagaData> run = start();
    run.nextSent();
    run.reply(new CancellationBegun(ORDER)).nextSent();
    run.fail(new PaymentVoided(ORDER)).nextSent();

    run.fail(new OrderAlreadyCancelled(ORDER));

    run.expectState(SagaState.NEEDS_ATTENTION).expectNoMoreCommands();
    assertThat(run.attention()).contains(new OrderAlreadyCancelled(ORDER).fact());
  }

  private static SagaRun<CancelOrderSagaData> start() {
    return SagaTestKit.start(new CancelOrderSaga(SagaLifecycle.IGNORED, POLICIES), new CancelOrderSagaData(ORDER),
        POLICIES);
  }
}
