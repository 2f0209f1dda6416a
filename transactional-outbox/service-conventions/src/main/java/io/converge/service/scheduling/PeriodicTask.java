package io.converge.service.scheduling;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Work a service does on its own every so often (clean-up, timers, checks), on one daemon thread, with a fixed pause
 * between runs, started and stopped with the application. A run that fails is logged and the next one goes ahead.
 */
public abstract class PeriodicTask implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

  private final String name;
  private final Duration interval;
  private ScheduledExecutorService scheduler;

  protected PeriodicTask(String name, Duration interval) {
    this.name = name;
    this.interval = interval;
  }

  /** One run. */
  protected abstract void runOnce();

  /** Whether to schedule runs at all. */
  protected boolean enabled() {
    return true;
  }

  @Override
  public void start() {
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, name);
      thread.setDaemon(true);
      return thread;
    });
    if (enabled()) {
      long every = interval.toMillis();
      scheduler.scheduleWithFixedDelay(this::runQuietly, every, every, TimeUnit.MILLISECONDS);
    }
  }

  private void runQuietly() {
    try {
      runOnce();
    } catch (RuntimeException e) {
      log.warn("{} failed; will run again in {}: {}", name, interval, e.toString());
    }
  }

  @Override
  public void stop() {
    scheduler.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return scheduler != null && !scheduler.isShutdown();
  }
}
