package io.converge.outbox.relay;

import io.converge.outbox.OutboxProperties;
import io.github.resilience4j.core.IntervalFunction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Moves committed outbox rows to Kafka: read a batch oldest first, publish every row, wait for the broker's acks, then
 * mark the batch published. At least once: a crash between publish and mark publishes the rows again, and consumers
 * drop the repeat (received-message table) or apply it idempotently.
 *
 * <p>The relay sleeps until a local commit that wrote to the outbox wakes it ({@link RelayWakeupInterceptor}), or until
 * the short fallback poll for rows written by other processes. Per-key order holds because rows are read in id order,
 * the producer is idempotent (retries keep order within a partition) and a batch is marked only when all of it is acked.
 * Only the instance holding the database's {@link RelayLease} publishes; others stand by.
 */
public class OutboxRelay implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final OutboxRepository repository;
  private final RelayLease lease;
  private final OutboxProperties.Relay settings;
  private final String bootstrapServers;
  private final String serviceName;
  private final Timer latency;
  private final Counter published;
  private final IntervalFunction backoff;
  private final Object wakeup = new Object();
  /** Rows Kafka acknowledged and not yet marked published, in id order; skipped when read again. */
  private final Set<String> ackedNotMarked = new LinkedHashSet<>();
  private long marksDueNanos;
  private boolean wakeRequested;
  private int emptyPolls;
  private volatile boolean running;
  /** A clean stop (not {@link #abandon}, which stands for a crash): what was sent is marked before the thread ends. */
  private volatile boolean markOnExit;
  private Thread thread;
  private KafkaProducer<String, String> producer;
  private final MeterRegistry meterRegistry;
  private KafkaClientMetrics producerMetrics;

  public OutboxRelay(OutboxRepository repository, RelayLease lease, OutboxProperties.Relay settings,
                     String bootstrapServers, String serviceName, MeterRegistry meterRegistry) {
    this.repository = repository;
    this.lease = lease;
    this.settings = settings;
    this.bootstrapServers = bootstrapServers;
    this.serviceName = serviceName;
    this.meterRegistry = meterRegistry;
    this.latency = Timer.builder("converge.outbox.relay.latency")
        .description("From the outbox row's creation (inside the local transaction) to the broker's ack")
        .tag("service", serviceName)
        .publishPercentiles(0.5, 0.95, 0.99)
        .register(meterRegistry);
    this.published = Counter.builder("converge.outbox.relay.published")
        .tag("service", serviceName).register(meterRegistry);
    Gauge.builder("converge.outbox.relay.backlog", repository, OutboxRepository::countUnpublished)
        .description("Outbox rows not yet published").tag("service", serviceName).register(meterRegistry);
    this.backoff = IntervalFunction.ofExponentialBackoff(Duration.ofMillis(100), 2.0, settings.maxBackoff());
  }

  /** Called after a local transaction that wrote to the outbox commits. Cheap; never blocks. */
  public void wake() {
    synchronized (wakeup) {
      wakeRequested = true;
      wakeup.notifyAll();
    }
  }

  @Override
  public void start() {
    producer = new KafkaProducer<>(producerProperties());
    // The producer's own counters (requests, bytes, records sent): the benchmark divides them by sagas completed.
    producerMetrics = new KafkaClientMetrics(producer, Tags.of("service", serviceName));
    producerMetrics.bindTo(meterRegistry);
    running = true;
    markOnExit = false;
    // After an abandon (a crash), nothing sent before counts as sent: those rows are published again.
    ackedNotMarked.clear();
    thread = new Thread(this::run, "outbox-relay-" + serviceName);
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    // The relay's own thread marks what it sent as its last act (the set is its own; no other thread touches it).
    markOnExit = true;
    abandon();
    if (thread.isAlive()) {
      // Still inside a send or a statement: the lease is left to expire, so no standby publishes beside it.
      log.warn("Outbox relay {} did not stop within 5 s; its lease is left to expire", serviceName);
      return;
    }
    lease.release();
  }

  /** Stops publishing without giving up the lease, as a crashed process would: a standby takes over on expiry. */
  void abandon() {
    running = false;
    wake();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producerMetrics.close();
    producer.close(Duration.ofSeconds(5));
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    try {
      publishWhileRunning();
    } finally {
      if (markOnExit) {
        try {
          markAcked();
        } catch (RuntimeException e) {
          log.warn("Could not mark {} published rows on stopping; they will be published again",
              ackedNotMarked.size(), e);
        }
      }
    }
  }

  private void publishWhileRunning() {
    int failures = 0;
    while (running) {
      try {
        if (!lease.holds()) {
          sleepQuietly(lease.retryInterval().toMillis());
          continue;
        }
        boolean woken = awaitWork(emptyPolls);
        if (!woken && marksDue()) {
          // The wait ended for the marks, not for a commit: no query for rows (the fallback poll comes next time).
          markAcked();
          continue;
        }
        int sent = 0;
        int batch;
        while (running && lease.holds() && (batch = publishBatch()) > 0) {
          sent += batch;
          if (batch < settings.batchSize()) {
            break;
          }
          // A full batch means more rows are waiting: go on without sleeping.
        }
        if (marksDue() || !lease.holds()) {
          markAcked();
        }
        emptyPolls = woken || sent > 0 ? 0 : emptyPolls + 1;
        failures = 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // What this round left unmarked is published again by the next (at least once): nothing is assumed.
        ackedNotMarked.clear();
        failures++;
        long pause = backoff.apply(failures);
        log.warn("Outbox relay round failed (attempt {}), retrying in {} ms: {}", failures, pause, e.toString());
        sleepQuietly(pause);
      }
    }
  }

  /** Waits for a local commit or the fallback poll; returns whether a commit woke it. */
  private boolean awaitWork(int emptyPollsSoFar) throws InterruptedException {
    synchronized (wakeup) {
      if (!wakeRequested) {
        long waitMillis = fallbackPollAfter(emptyPollsSoFar, settings).toMillis();
        if (!ackedNotMarked.isEmpty()) {
          // Rounded up: a wait that ends before the marks are due would query for rows instead of marking.
          waitMillis = Math.max(1, Math.min(waitMillis, (marksDueNanos - System.nanoTime() + 999_999) / 1_000_000));
        }
        wakeup.wait(waitMillis);
      }
      boolean woken = wakeRequested;
      wakeRequested = false;
      return woken;
    }
  }

  /**
   * The fallback poll after this many polls in a row found nothing and no commit woke the relay: the configured one
   * for a second's worth of them, then doubling up to the idle one.
   */
  static Duration fallbackPollAfter(int emptyPolls, OutboxProperties.Relay settings) {
    long base = Math.max(1, settings.fallbackPoll().toMillis());
    long busyPolls = Math.max(1, 1000 / base);
    if (emptyPolls < busyPolls) {
      return settings.fallbackPoll();
    }
    long doubled = base << Math.min(emptyPolls - busyPolls + 1, 20);
    return Duration.ofMillis(Math.min(doubled, Math.max(base, settings.idleFallbackPoll().toMillis())));
  }

  /** Publishes one batch and returns how many rows it held (rows published and not yet marked are not sent again). */
  int publishBatch() {
    List<OutboxMessage> read = repository.findUnpublished(settings.batchSize());
    List<OutboxMessage> batch = read.stream().filter(m -> !ackedNotMarked.contains(m.id())).toList();
    if (batch.isEmpty()) {
      if (read.size() == settings.batchSize()) {
        // Every row read awaits its mark, and more may wait behind them: mark now and read again.
        markAcked();
        return read.size();
      }
      return 0;
    }
    List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
    for (OutboxMessage message : batch) {
      acks.add(producer.send(EventuateRecordFormat.toRecord(message)));
    }
    List<String> ids = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      awaitAck(acks.get(i));
      OutboxMessage message = batch.get(i);
      ids.add(message.id());
      latency.record(Math.max(0, System.currentTimeMillis() - message.creationTime()), TimeUnit.MILLISECONDS);
    }
    published.increment(ids.size());
    if (ackedNotMarked.isEmpty()) {
      marksDueNanos = System.nanoTime() + settings.markEvery().toNanos();
    }
    ackedNotMarked.addAll(ids);
    if (settings.markEvery().isZero() || ackedNotMarked.size() >= settings.batchSize()) {
      markAcked();
    }
    return batch.size();
  }

  private boolean marksDue() {
    return !ackedNotMarked.isEmpty() && System.nanoTime() - marksDueNanos >= 0;
  }

  /** Marks every row Kafka acknowledged and the relay has not marked yet, in one update. */
  void markAcked() {
    if (ackedNotMarked.isEmpty()) {
      return;
    }
    repository.markPublished(List.copyOf(ackedNotMarked));
    ackedNotMarked.clear();
  }

  private static void awaitAck(Future<RecordMetadata> ack) {
    try {
      ack.get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while publishing", e);
    } catch (Exception e) {
      throw new IllegalStateException("Kafka did not acknowledge a record", e);
    }
  }

  private Properties producerProperties() {
    Properties props = new Properties();
    props.putAll(settings.producer());
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + serviceName);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    return props;
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
