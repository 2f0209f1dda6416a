package io.converge.saga.runtime.definition;

import io.converge.contracts.MessageCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A saga's forward steps by the command each sends, with their kinds and time bounds: what {@link
 * TimedSaga#policyFor} answers. Declared next to the saga's definition, in the order of its steps:
 * <pre>
 *   StepPolicies.with(defaults).compensatable(CreateOrder.class).pivot(ApproveOrder.class).build()
 * </pre>
 */
public final class StepPolicies {

  private final Map<String, StepPolicy> byCommand;

  private StepPolicies(Map<String, StepPolicy> byCommand) {
    this.byCommand = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byCommand));
  }

  /** The forward steps' commands (wire names), in the order they run. */
  public List<String> inOrder() {
    return List.copyOf(byCommand.keySet());
  }

  public static Builder with(SagaPolicyProperties defaults) {
    return new Builder(defaults);
  }

  /** The policy of the step that sends this command (by wire name); empty for a compensation. */
  public Optional<StepPolicy> policyFor(String commandType) {
    return Optional.ofNullable(byCommand.get(commandType));
  }

  /** Declares steps by their command class, with the defaults' timeout and attempts or a policy of their own. */
  public static final class Builder {

    private final SagaPolicyProperties defaults;
    private final Map<String, StepPolicy> byCommand = new LinkedHashMap<>();

    private Builder(SagaPolicyProperties defaults) {
      this.defaults = defaults;
    }

    public Builder compensatable(Class<?> command) {
      return step(command, defaults.compensatable());
    }

    public Builder pivot(Class<?> command) {
      return step(command, defaults.pivot());
    }

    public Builder retriable(Class<?> command) {
      return step(command, defaults.retriable());
    }

    /** A compensatable step a person answers within {@code deadline}: {@link StepPolicy#awaitingPerson}. */
    public Builder awaitingPerson(Class<?> command, java.time.Duration deadline) {
      return step(command, StepPolicy.awaitingPerson(deadline));
    }

    public Builder step(Class<?> command, StepPolicy policy) {
      if (byCommand.put(MessageCatalog.wireNameOf(command), policy) != null) {
        throw new IllegalArgumentException(command.getSimpleName() + " is declared twice");
      }
      return this;
    }

    public StepPolicies build() {
      long pivots = byCommand.values().stream().filter(policy -> policy.kind() == StepKind.PIVOT).count();
      if (pivots > 1) {
        throw new IllegalStateException("A saga has one pivot; " + pivots + " were declared");
      }
      return new StepPolicies(byCommand);
    }
  }
}
