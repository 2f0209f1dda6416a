package io.converge.orderhistory.projection;

import io.converge.orderhistory.model.ReadModels;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the read model from the event log (the event channels, kept for replay) into a new version beside the live
 * one, which keeps serving queries and keeps projecting meanwhile. The rebuild reads every channel from its start with
 * its own consumer, never ahead of the live projection. Once level with it, the live projection pauses in every
 * instance (a database lock, not a local pause), the rebuild applies exactly what the live one had, the two are
 * compared aggregate by aggregate, and the new version becomes live in one update; the live projections resume, into
 * it, from where they paused. Replaying writes only the new version's
 * tables: nothing is sent, so no side effect fires twice.
 */
@Component
public class ModelRebuilds {

  private static final Logger log = LoggerFactory.getLogger(ModelRebuilds.class);
  private static final Duration POLL = Duration.ofMillis(200);
  /** How long the live projection may stay paused while the rebuild applies the last events and compares. */
  private static final Duration MAX_PAUSE = Duration.ofSeconds(60);
  private static final Duration BEAT = Duration.ofSeconds(5);

  private final ReadModels models;
  private final OrderHistoryProjection projection;
  private final ModelChecksums checksums;
  private final ConsumerFactory<String, String> consumers;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "read-model-rebuild");
    thread.setDaemon(true);
    return thread;
  });
  private final Map<Integer, RebuildReport> reports = new ConcurrentHashMap<>();

  ModelRebuilds(ReadModels models, OrderHistoryProjection projection, ModelChecksums checksums,
                ConsumerFactory<String, String> consumers, JdbcTemplate jdbc, TransactionTemplate transaction) {
    this.models = models;
    this.projection = projection;
    this.checksums = checksums;
    this.consumers = consumers;
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  /**
   * Starts a rebuild in the background.
   *
   * @throws IllegalStateException when one is running already
   */
  /**
   * @param acceptDifferences switch even where the rebuilt version differs from the live one: after a fix to the
   *                          projection, or to repair a live version that drifted (the report lists what differed)
   */
  public RebuildReport start(boolean acceptDifferences) {
    int version = models.createNext();
    RebuildReport report = RebuildReport.building(version, Instant.now());
    reports.put(version, report);
    worker.submit(() -> run(version, acceptDifferences));
    return report;
  }

  public Optional<RebuildReport> report(int version) {
    return Optional.ofNullable(reports.get(version));
  }

  private void run(int version, boolean acceptDifferences) {
    String schema = ReadModels.schemaOf(version);
    long started = System.nanoTime();
    long[] applied = {0};
    Properties settings = new Properties();
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    settings.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
    try (Consumer<String, String> consumer = consumers.createConsumer("order-history-rebuild-" + version,
        "rebuild-" + version, null, settings)) {
      List<TopicPartition> partitions = partitions(consumer);
      consumer.assign(partitions);
      requireWholeLog(consumer, partitions);
      consumer.seekToBeginning(partitions);
      String previous = models.liveSchema();
      long nextBeat = 0;
      // Level with the live projection, never ahead of it.
      while (!replayUpTo(consumer, partitions, positions(previous), schema, applied)) {
        reports.computeIfPresent(version, (v, r) -> r.progress(applied[0], rate(applied[0], started)));
        if (System.nanoTime() > nextBeat) {
          models.beat(version);
          nextBeat = System.nanoTime() + BEAT.toNanos();
        }
      }
      // Every instance's live projection stops here: each write share-locks the live version's row
      // (ReadModels.liveSchemaForWrite), and this transaction locks the models table against them until the switch
      // commits, or until it gives up after MAX_PAUSE and rolls back. Queries take no such lock and keep answering.
      RebuildReport.Checksums compared = transaction.execute(status -> {
        long resumeBy = System.nanoTime() + MAX_PAUSE.toNanos();
        models.holdLive(MAX_PAUSE);
        // No statement of the paused phase may outlast it either (the comparison is one statement per kind): the
        // projections' consumers must poll Kafka again well within their max.poll.interval.
        jdbc.execute("SET LOCAL statement_timeout = " + MAX_PAUSE.toMillis());
        // What the live version has read now, by every instance, is what the new one must have read: exactly.
        Map<TopicPartition, Long> target = positions(previous);
        while (!replayUpTo(consumer, partitions, target, schema, applied)) {
          if (System.nanoTime() > resumeBy) {
            throw new IllegalStateException("The last events did not replay within " + MAX_PAUSE
                + " of pausing the live projection");
          }
        }
        RebuildReport.Checksums sums = checksums.compare(previous, schema);
        if (System.nanoTime() > resumeBy) {
          throw new IllegalStateException("Replaying the last events and comparing took longer than " + MAX_PAUSE);
        }
        if (!acceptDifferences && (sums.ordersDifferent() > 0 || sums.customersDifferent() > 0)) {
          reports.computeIfPresent(version, (v, r) -> r.progress(applied[0], rate(applied[0], started))
              .compared(sums));
          throw new IllegalStateException("The rebuilt version differs from the live one at the same read "
              + "positions (" + sums.ordersDifferent() + " orders, " + sums.customersDifferent() + " customers, "
              + "e.g. " + sums.differentAggregates() + "): not switched (acceptDifferences=true switches anyway)");
        }
        models.switchTo(version);
        return sums;
      });
      reports.computeIfPresent(version, (v, r) -> r.progress(applied[0], rate(applied[0], started))
          .switched(Instant.now(), compared));
      log.info("Read model version {} is live: {} events replayed, checksums {}", version, applied[0], compared);
    } catch (RuntimeException e) {
      log.error("Rebuilding read model version {} failed; the live version stays", version, e);
      models.fail(version);
      reports.computeIfPresent(version, (v, r) -> r.failed(e.getMessage()));
    }
  }

  /**
   * Polls once and applies, in one transaction, what lies below each partition's limit; a record at or past its limit
   * is left for later (the consumer is moved back to it).
   *
   * @return whether every partition has reached its limit
   */
  private boolean replayUpTo(Consumer<String, String> consumer, List<TopicPartition> partitions,
                             Map<TopicPartition, Long> limits, String schema, long[] applied) {
    List<TopicPartition> behind = new ArrayList<>();
    for (TopicPartition partition : partitions) {
      if (consumer.position(partition) < limits.getOrDefault(partition, 0L)) {
        behind.add(partition);
      }
    }
    consumer.resume(behind);
    List<TopicPartition> reached = new ArrayList<>(partitions);
    reached.removeAll(behind);
    consumer.pause(reached);
    if (behind.isEmpty()) {
      return true;
    }
    ConsumerRecords<String, String> records = consumer.poll(POLL);
    Map<TopicPartition, Long> rewind = new HashMap<>();
    transaction.executeWithoutResult(status -> {
      for (ConsumerRecord<String, String> record : records) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        if (record.offset() >= limits.getOrDefault(partition, 0L)) {
          rewind.merge(partition, record.offset(), Math::min);
          continue;
        }
        try {
          projection.apply(schema, EventRecord.of(record));
          applied[0]++;
        } catch (EventRecord.UnreadableEvent skipped) {
          // skipped by the live projection too
        }
      }
    });
    rewind.forEach(consumer::seek);
    return false;
  }

  /**
   * The rebuild must start from each channel's first event: a channel whose oldest events are gone (retention, before
   * it was switched off) cannot rebuild a model equal to the live one.
   */
  private static void requireWholeLog(Consumer<String, String> consumer, List<TopicPartition> partitions) {
    consumer.beginningOffsets(partitions).forEach((partition, first) -> {
      if (first > 0) {
        throw new IllegalStateException(partition + " no longer holds its first " + first + " events: the log is "
            + "incomplete, a rebuild from it would lose facts");
      }
    });
  }

  /** How far a version has read, per partition (what it has never read: 0). */
  private Map<TopicPartition, Long> positions(String schema) {
    Map<TopicPartition, Long> positions = new HashMap<>();
    jdbc.query(ReadModels.sql(schema, "SELECT topic, part, next_offset FROM "
        + "{m}.read_positions"), rs -> {
          positions.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
        });
    return positions;
  }

  private static List<TopicPartition> partitions(Consumer<String, String> consumer) {
    List<TopicPartition> partitions = new ArrayList<>();
    consumer.listTopics().forEach((topic, infos) -> {
      if (ProjectionListener.CHANNELS.contains(topic)) {
        infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
      }
    });
    return partitions;
  }

  private static double rate(long applied, long startedNanos) {
    double seconds = (System.nanoTime() - startedNanos) / 1e9;
    return seconds <= 0 ? 0 : Math.round(applied / seconds * 10) / 10.0;
  }
}
