package io.converge.saga.runtime.definition;

import io.converge.saga.runtime.state.SagaLifecycle;
import io.eventuate.tram.sagas.simpledsl.SimpleSaga;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What every saga declares to the runtime, done once: its type, its steps' kinds and time bounds, its deadline, and
 * its start and end reported to the saga's record (the start with its business key, every end with its reason). A
 * saga extends this, keeps its Eventuate definition as a field, and says what is its own: its business key, why it
 * ended, and the undo of each compensatable step.
 *
 * @param <D> the saga's data
 */
public abstract class DeclaredSaga<D> implements SimpleSaga<D>, TimedSaga {

  private final String type;
  private final int version;
  private final SagaLifecycle lifecycle;
  private final SagaPolicyProperties policies;
  private final StepPolicies steps;

  /**
   * @param type  the saga type on the wire and in the database: never the class name, so that a refactoring cannot
   *              orphan sagas in flight
   * @param steps its forward steps, in order: {@code steps -> steps.compensatable(A.class).pivot(B.class)}
   */
  protected DeclaredSaga(String type, SagaLifecycle lifecycle, SagaPolicyProperties policies,
                         UnaryOperator<StepPolicies.Builder> steps) {
    this(type, 1, lifecycle, policies, steps);
  }

  /**
   * @param version the version of the definition: a release that changes a saga's steps registers the new version
   *                beside the old ones, so that instances in flight end on the steps they started on
   */
  protected DeclaredSaga(String type, int version, SagaLifecycle lifecycle, SagaPolicyProperties policies,
                         UnaryOperator<StepPolicies.Builder> steps) {
    this.type = type;
    this.version = version;
    this.lifecycle = lifecycle;
    this.policies = policies;
    this.steps = steps.apply(StepPolicies.with(policies)).build();
  }

  /** The key of the business object the saga drives (an order id, ...). */
  protected abstract String businessKeyOf(D data);

  /** The key of the business object a saga with this data drives. */
  public final String businessKey(D data) {
    return businessKeyOf(data);
  }

  /** Why a saga that completed did. */
  protected abstract String completedBecause(D data);

  /** Why a saga that compensated did. */
  protected abstract String compensatedBecause(D data);

  /** Called as the saga starts, before its first command is built. Does nothing unless a saga needs it. */
  protected void starting(String sagaId, D data) {
  }

  @Override
  public final String getSagaType() {
    return SagaTypes.wireType(type, version);
  }

  @Override
  public final String typeName() {
    return type;
  }

  @Override
  public final int version() {
    return version;
  }

  @Override
  public final Optional<StepPolicy> policyFor(String commandType) {
    return steps.policyFor(commandType);
  }

  @Override
  public final java.util.List<String> forwardSteps() {
    return steps.inOrder();
  }

  @Override
  public final Duration deadline() {
    return policies.deadline();
  }

  @Override
  public final void onStarting(String sagaId, D data) {
    starting(sagaId, data);
    lifecycle.started(sagaId, type, version, businessKeyOf(data), deadline());
  }

  @Override
  public final void onSagaCompletedSuccessfully(String sagaId, D data) {
    lifecycle.completed(sagaId, completedBecause(data));
  }

  @Override
  public final void onSagaRolledBack(String sagaId, D data) {
    lifecycle.compensated(sagaId, compensatedBecause(data));
  }

  @Override
  public final void onSagaFailed(String sagaId, D data) {
    lifecycle.failed(sagaId);
  }
}
