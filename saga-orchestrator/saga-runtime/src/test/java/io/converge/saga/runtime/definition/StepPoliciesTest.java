package io.converge.saga.runtime.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.converge.contracts.order.ApproveOrder;
import io.converge.contracts.order.CreateOrder;
import io.converge.contracts.order.RejectOrder;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StepPoliciesTest {

  private static final SagaPolicyProperties DEFAULTS = new SagaPolicyProperties(Duration.ofSeconds(3), 3, 2.0,
      Duration.ofSeconds(30), Duration.ofSeconds(60), 5, 2.0, Duration.ofMillis(200));

  @Test
  void answersEachStepsKindByTheWireNameOfItsCommandAndNothingForACompensation() {
    StepPolicies steps = StepPolicies.with(DEFAULTS).compensatable(CreateOrder.class).pivot(ApproveOrder.class)
        .build();

    assertThat(steps.policyFor("order.CreateOrder")).get().extracting(StepPolicy::kind)
        .isEqualTo(StepKind.COMPENSATABLE);
    assertThat(steps.policyFor("order.ApproveOrder")).get().extracting(StepPolicy::kind).isEqualTo(StepKind.PIVOT);
    assertThat(steps.policyFor("order.RejectOrder")).isEmpty();
  }

  @Test
  void refusesTwoPivotsAndAStepDeclaredTwice() {
    assertThatThrownBy(() -> StepPolicies.with(DEFAULTS).pivot(CreateOrder.class).pivot(ApproveOrder.class).build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> StepPolicies.with(DEFAULTS).retriable(RejectOrder.class).retriable(RejectOrder.class))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> StepPolicies.with(DEFAULTS).retriable(String.class))
        .as("a class that is no contract message has no wire name").isInstanceOf(IllegalArgumentException.class);
  }
}
