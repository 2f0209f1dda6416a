package io.converge.saga.runtime.dashboard;

import io.converge.service.scheduling.PeriodicTask;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events that keep open dashboard pages live: {@code changed} every two seconds (sagas start and move on
 * every orchestrator instance, so no local event would do), and each page fetches its fragments again. Sent from this
 * task's own thread, never from a thread handling a saga: a slow browser never holds up a reply. No thread waits per
 * page: an emitter is a response held open.
 */
@Component
class DashboardEvents extends PeriodicTask {

  private static final long HOLD_MILLIS = Duration.ofMinutes(30).toMillis();

  private final List<SseEmitter> pages = new CopyOnWriteArrayList<>();

  DashboardEvents() {
    super("dashboard-events", Duration.ofSeconds(2));
  }

  SseEmitter subscribe() {
    SseEmitter emitter = new SseEmitter(HOLD_MILLIS);
    emitter.onCompletion(() -> pages.remove(emitter));
    emitter.onTimeout(() -> pages.remove(emitter));
    emitter.onError(error -> pages.remove(emitter));
    pages.add(emitter);
    return emitter;
  }

  @Override
  protected void runOnce() {
    for (SseEmitter page : pages) {
      try {
        page.send(SseEmitter.event().name("changed").data("sagas"));
      } catch (IOException | IllegalStateException gone) {
        pages.remove(page);
      }
    }
  }
}
