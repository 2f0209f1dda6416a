package io.converge.saga.testkit;

import io.converge.saga.runtime.definition.DeclaredSaga;
import io.converge.saga.runtime.definition.SagaPolicyProperties;
import java.time.Duration;
import java.time.Instant;

/**
 * Runs a saga definition in memory on a virtual clock, with the runtime's rules:
 * <pre>
 *   SagaRun&lt;CancelOrderSagaData&gt; run = SagaTestKit.start(new CancelOrderSaga(SagaLifecycle.IGNORED, policies),
 *       data, policies);
 *   run.expectCommand(new BeginCancellation(orderId, sagaId)).reply(new CancellationBegun(orderId))
 *      .advance(Duration.ofSeconds(3)).expectCommand(...);
 * </pre>
 */
public final class SagaTestKit {

  /** Where virtual time starts, unless a test says otherwise. */
  public static final Instant EPOCH = Instant.parse("2030-01-01T00:00:00Z");

  private SagaTestKit() {
  }

  /** The runtime's default time bounds ({@code converge.saga.*} left unset). */
  public static SagaPolicyProperties defaultPolicies() {
    return new SagaPolicyProperties(Duration.ofSeconds(3), 3, 2.0, Duration.ofSeconds(30), Duration.ofSeconds(60), 5,
        2.0, Duration.ofMillis(200));
  }

  /**
   * Starts the saga: its first command is sent at {@link #EPOCH}.
   *
   * @param policies the same time bounds the saga was built with
   */
  public static <D> SagaRun<D> start(DeclaredSaga<D> saga, D data, SagaPolicyProperties policies) {
    return start(saga, data, policies, new VirtualClock());
  }

  /**
   * Starts the saga at the clock's time; the run moves the clock as it advances (give the same clock to a saga that
   * reads one).
   */
  public static <D> SagaRun<D> start(DeclaredSaga<D> saga, D data, SagaPolicyProperties policies,
                                     VirtualClock clock) {
    return new SagaRun<>(saga, data, policies, clock);
  }
}
