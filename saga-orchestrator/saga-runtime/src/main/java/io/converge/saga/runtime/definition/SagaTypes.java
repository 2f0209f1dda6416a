package io.converge.saga.runtime.definition;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Every saga type the service runs, by the type name its messages and instances carry. */
@Component
public class SagaTypes {

  private final Map<String, TimedSaga> byType;
  private final SagaPolicyProperties defaults;

  public SagaTypes(List<TimedSaga> sagas, SagaPolicyProperties defaults) {
    this.byType = sagas.stream().collect(Collectors.toMap(TimedSaga::getSagaType, Function.identity()));
    this.defaults = defaults;
  }

  /**
   * The type a saga's messages and Eventuate's instance rows carry for one version of its definition: the type itself
   * for version 1 (so instances started before versions existed keep running), {@code <type>.v<version>} after. Each
   * version has its own reply channel, so a reply reaches the definition its instance started on.
   */
  public static String wireType(String sagaType, int version) {
    if (version < 1) {
      throw new IllegalArgumentException("A definition's version is 1 or more: " + version);
    }
    return version == 1 ? sagaType : sagaType + ".v" + version;
  }

  public Optional<TimedSaga> find(String sagaType) {
    return Optional.ofNullable(byType.get(sagaType));
  }

  /**
   * The policy of the step that sends this command in a saga of this type; a compensation (or a saga type this
   * service does not run) gets the default compensatable policy, whose timeout and attempts bound every compensation.
   */
  public StepPolicy policyFor(String sagaType, String commandType) {
    return find(sagaType).flatMap(saga -> saga.policyFor(commandType)).orElseGet(defaults::compensatable);
  }

  /** Whether the command is a forward step of a saga of this type (rather than a compensation). */
  public boolean isForwardStep(String sagaType, String commandType) {
    return find(sagaType).flatMap(saga -> saga.policyFor(commandType)).isPresent();
  }
}
