package io.converge.saga.runtime.admission;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.AIMDLimit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.converge.saga.runtime.state.SagaEnded;
import io.converge.saga.runtime.state.SagaState;
import io.converge.saga.runtime.state.SagaStore;
import io.converge.service.scheduling.PeriodicTask;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Admission control for new sagas: an adaptive limit on sagas in flight (Netflix concurrency-limits, AIMD). Each
 * admitted saga holds a permit from its request until its end; its time to the end is the limiter's sample. Sagas that
 * end within the target latency let the limit grow by one; one that takes longer (queues behind others: a backlog in
 * the relays, the consumers or the database, or a slow participant) cuts it by a tenth. So the limit follows what the
 * machine completes, whatever its speed, and a refused request costs nothing. {@code docs/adr/0001} says why this
 * limiter and not a fixed rate.
 */
@Component
@EnableConfigurationProperties(AdmissionProperties.class)
public class Admission extends PeriodicTask {

  /** How often sagas admitted here are looked up in the store, in case they ended in another instance. */
  private static final Duration LOOK_UP_EVERY = Duration.ofSeconds(2);

  private final SimpleLimiter<Void> limiter;
  private final SagaStore sagas;
  private final Map<String, Admitted> inFlight = new ConcurrentHashMap<>();
  private final Counter refused;

  private record Admitted(Limiter.Listener listener, long atNanos) {
  }

  public Admission(AdmissionProperties properties, SagaStore sagas, MeterRegistry registry) {
    super("saga-admission", LOOK_UP_EVERY);
    this.sagas = sagas;
    this.limiter = properties.enabled() ? SimpleLimiter.newBuilder().named("saga-admission")
        .limit(AIMDLimit.newBuilder().initialLimit(properties.initialLimit()).minLimit(properties.minLimit())
            .maxLimit(properties.maxLimit()).backoffRatio(0.9)
            .timeout(properties.targetLatency().toNanos(), TimeUnit.NANOSECONDS).build())
        .build() : null;
    this.refused = Counter.builder("converge.admission.refused").description("New sagas refused with 429")
        .register(registry);
    if (limiter != null) {
      Gauge.builder("converge.admission.limit", limiter, SimpleLimiter::getLimit)
          .description("Sagas in flight allowed now").register(registry);
      Gauge.builder("converge.admission.in_flight", limiter, SimpleLimiter::getInflight)
          .description("Admitted sagas not ended yet").register(registry);
    }
  }

  /** Takes a permit for one new saga, or refuses with 429. */
  public Permit admit() {
    if (limiter == null) {
      return new Permit(null);
    }
    return new Permit(limiter.acquire(null).orElseThrow(() -> {
      refused.increment();
      return new OverloadedException();
    }));
  }

  /** The saga's end committed in this process: its permit is given back, its time to the end is the sample. */
  @EventListener
  public void sagaEnded(SagaEnded ended) {
    Admitted admitted = inFlight.remove(ended.sagaId());
    if (admitted == null) {
      return;
    }
    if (ended.state() == SagaState.COMPLETED || ended.state() == SagaState.COMPENSATED) {
      admitted.listener().onSuccess();
    } else {
      // A parked saga waits for a person: its time says nothing about the machine's capacity.
      admitted.listener().onIgnore();
    }
  }

  /**
   * Gives back the permits of sagas admitted here that ended in another orchestrator instance (whose consumer handled
   * their last reply): unmeasured, since their end was not seen here when it happened.
   */
  @Override
  protected void runOnce() {
    long olderThan = System.nanoTime() - LOOK_UP_EVERY.toNanos();
    List<String> waiting = inFlight.entrySet().stream().filter(e -> e.getValue().atNanos() < olderThan)
        .map(Map.Entry::getKey).limit(1000).toList();
    for (String sagaId : sagas.notRunning(waiting)) {
      Admitted admitted = inFlight.remove(sagaId);
      if (admitted != null) {
        admitted.listener().onIgnore();
      }
    }
  }

  @Override
  protected boolean enabled() {
    return limiter != null;
  }

  /** One admitted saga's place in the limit, until the saga ends. */
  public final class Permit {

    private final Limiter.Listener listener;
    private final AtomicBoolean settled = new AtomicBoolean();

    private Permit(Limiter.Listener listener) {
      this.listener = listener;
    }

    /** The saga started (its start committed): the permit is held until it ends. Only the first of these calls counts. */
    public void heldBy(String sagaId) {
      if (listener != null && settled.compareAndSet(false, true)) {
        inFlight.put(sagaId, new Admitted(listener, System.nanoTime()));
      }
    }

    /**
     * No saga was started with it (a replayed idempotency key, a failure): give it back unmeasured. Does nothing once
     * a saga holds it.
     */
    public void release() {
      if (listener != null && settled.compareAndSet(false, true)) {
        listener.onIgnore();
      }
    }
  }

  /** 429 Too Many Requests: as many sagas are in flight as the orchestrator completes in time. */
  public static class OverloadedException extends RuntimeException {
    OverloadedException() {
      super("The orchestrator has as many sagas in flight as it can complete in time; retry after a second");
    }
  }
}
