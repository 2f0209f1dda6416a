package io.converge.saga.runtime.state;

import io.converge.service.web.NotFoundException;
import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;

@RestController
@RequestMapping("/api/sagas")
class SagaController {

  static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

  private final SagaStore store;
  private final SagaCompletionNotifier notifier;

  SagaController(SagaStore store, SagaCompletionNotifier notifier) {
    this.store = store;
    this.notifier = notifier;
  }

  /**
   * The saga now, or with {@code wait} (e.g. {@code 5s}, {@code 500ms}; at most 30 s) as soon as it is terminal or
   * the wait is over, whichever comes first. Waiting holds no request thread.
   */
  @GetMapping("/{sagaId}")
  DeferredResult<SagaView> get(@PathVariable String sagaId, @RequestParam(required = false) String wait) {
    Duration waitFor = parseWait(wait);
    DeferredResult<SagaView> result = new DeferredResult<>(Math.max(1, waitFor.toMillis()), () -> view(sagaId));
    // Only the state is read before the saga is worth showing: the whole view (its history too) is read once.
    SagaState now = store.state(sagaId).orElseThrow(() -> new NotFoundException("No saga " + sagaId));
    if (now.isTerminal() || waitFor.isZero()) {
      result.setResult(view(sagaId));
      return result;
    }
    Runnable wakeUp = () -> result.setResult(view(sagaId));
    notifier.onEnd(sagaId, wakeUp);
    result.onCompletion(() -> notifier.forget(sagaId, wakeUp));
    // It may have ended between the first read and registering: look once more.
    if (store.state(sagaId).map(SagaState::isTerminal).orElse(false)) {
      result.setResult(view(sagaId));
    }
    return result;
  }

  private SagaView view(String sagaId) {
    return store.find(sagaId).orElseThrow(() -> new NotFoundException("No saga " + sagaId));
  }

  private static Duration parseWait(String wait) {
    if (wait == null || wait.isBlank()) {
      return Duration.ZERO;
    }
    Duration parsed;
    try {
      parsed = DurationStyle.detectAndParse(wait.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("wait must be a duration such as 5s or 500ms, not '" + wait + "'");
    }
    if (parsed.isNegative()) {
      throw new IllegalArgumentException("wait must not be negative");
    }
    return parsed.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : parsed;
  }
}
