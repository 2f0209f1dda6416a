package io.converge.saga.runtime.dashboard;

import io.converge.service.scheduling.PeriodicTask;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events that keep open dashboard pages live: {@code changed} every two seconds (sagas start and move on
 * every orchestrator instance, so no local event would do), and each page fetches its fragments again. Sent from this
 * task's own thread, never from a thread handling a saga: a slow browser never holds up a reply. No thread waits per
 * page: an emitter is a response held open.
 *
 * <p>Open pages are bounded, per user and in all, because each holds a connection the API's clients share: past a
 * bound the user's (or anyone's) oldest page is closed. A page's stream ends after a few minutes and the browser
 * opens it again, so a page that was closed, or left without a reader, does not hold on.
 */
@Component
class DashboardEvents extends PeriodicTask {

  private static final long HOLD_MILLIS = Duration.ofMinutes(5).toMillis();
  static final int PAGES_PER_USER = 8;
  static final int PAGES_IN_ALL = 200;

  private record Page(String user, SseEmitter emitter) {
  }

  /** Oldest first; guarded by itself. */
  private final Deque<Page> opened = new ArrayDeque<>();

  DashboardEvents() {
    super("dashboard-events", Duration.ofSeconds(2));
  }

  SseEmitter subscribe(String user) {
    SseEmitter emitter = new SseEmitter(HOLD_MILLIS);
    Page page = new Page(user, emitter);
    emitter.onCompletion(() -> forget(page));
    emitter.onTimeout(() -> forget(page));
    emitter.onError(error -> forget(page));
    List<Page> closing = new ArrayList<>();
    synchronized (opened) {
      opened.addLast(page);
      long ofUser = opened.stream().filter(open -> open.user().equals(user)).count();
      for (Iterator<Page> oldest = opened.iterator(); oldest.hasNext() && ofUser > PAGES_PER_USER; ) {
        Page open = oldest.next();
        if (open.user().equals(user)) {
          oldest.remove();
          closing.add(open);
          ofUser--;
        }
      }
      while (opened.size() > PAGES_IN_ALL) {
        closing.add(opened.removeFirst());
      }
    }
    // Already out of the set: completing them only ends their responses.
    closing.forEach(closed -> closed.emitter().complete());
    return emitter;
  }

  @Override
  protected void runOnce() {
    List<Page> pages;
    synchronized (opened) {
      pages = List.copyOf(opened);
    }
    for (Page page : pages) {
      try {
        page.emitter().send(SseEmitter.event().name("changed").data("sagas"));
      } catch (IOException | IllegalStateException gone) {
        forget(page);
      }
    }
  }

  int open() {
    synchronized (opened) {
      return opened.size();
    }
  }

  private void forget(Page page) {
    synchronized (opened) {
      opened.remove(page);
    }
  }
}
