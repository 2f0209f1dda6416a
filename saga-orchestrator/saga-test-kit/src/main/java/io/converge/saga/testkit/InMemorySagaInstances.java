package io.converge.saga.testkit;

import io.eventuate.tram.sagas.orchestration.SagaInstance;
import io.eventuate.tram.sagas.orchestration.SagaInstanceRepository;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Eventuate's saga instances, kept in a map instead of {@code saga_instance}. */
final class InMemorySagaInstances implements SagaInstanceRepository {

  private final Map<String, SagaInstance> byId = new HashMap<>();

  @Override
  public void save(SagaInstance instance) {
    if (instance.getId() == null) {
      instance.setId(UUID.randomUUID().toString());
    }
    byId.put(instance.getId(), instance);
  }

  @Override
  public SagaInstance find(String sagaType, String sagaId) {
    return byId.get(sagaId);
  }

  @Override
  public void update(SagaInstance instance) {
    byId.put(instance.getId(), instance);
  }
}
