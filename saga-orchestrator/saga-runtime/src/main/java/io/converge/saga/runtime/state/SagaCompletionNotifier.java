package io.converge.saga.runtime.state;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/** Lets long-polling readers of a saga wake up as soon as it ends in this process. */
@Component
class SagaCompletionNotifier {

  private final Map<String, List<Runnable>> waiters = new ConcurrentHashMap<>();

  void onEnd(String sagaId, Runnable callback) {
    waiters.computeIfAbsent(sagaId, id -> new CopyOnWriteArrayList<>()).add(callback);
  }

  void forget(String sagaId, Runnable callback) {
    waiters.computeIfPresent(sagaId, (id, list) -> {
      list.remove(callback);
      return list.isEmpty() ? null : list;
    });
  }

  void ended(String sagaId) {
    List<Runnable> callbacks = waiters.remove(sagaId);
    if (callbacks != null) {
      callbacks.forEach(Runnable::run);
    }
  }
}
