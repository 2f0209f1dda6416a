package io.converge.outbox.consumer;

import io.eventuate.messaging.kafka.basic.consumer.KafkaConsumerFactory;
import io.eventuate.messaging.kafka.basic.consumer.KafkaMessageConsumer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka consumer under Eventuate's poll loop, committing offsets at most every {@code commitEvery} instead of
 * after every round that handled a record. Eventuate commits synchronously after each such round: one broker request
 * and one wait on the polling thread per message at low load, about six per saga. Here the offsets Eventuate would
 * commit are kept (only ever of handled records) and sent together, without waiting, once the interval has passed;
 * before partitions are given up in a rebalance and on close they are committed and waited for.
 *
 * <p>Nothing is committed earlier than Eventuate would, only later: a crash hands the last interval's messages to the
 * next consumer again, which duplicate detection and the handlers' idempotence already answer (at least once, as
 * before).
 */
public final class PacedCommitsKafkaConsumer implements KafkaMessageConsumer, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(PacedCommitsKafkaConsumer.class);
  /** Longest wait for a commit that must be done before partitions go (a rebalance, a close). */
  private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(5);

  private final KafkaConsumer<String, byte[]> delegate;
  private final long commitEveryNanos;
  private final Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
  private long lastCommitNanos = System.nanoTime();

  PacedCommitsKafkaConsumer(KafkaConsumer<String, byte[]> delegate, Duration commitEvery) {
    this.delegate = delegate;
    this.commitEveryNanos = commitEvery.toNanos();
  }

  /** Makes these consumers for Eventuate's subscriptions. */
  public static KafkaConsumerFactory factory(Duration commitEvery) {
    return (subscriptionId, properties) -> new PacedCommitsKafkaConsumer(new KafkaConsumer<>(properties), commitEvery);
  }

  @Override
  public void commitOffsets(Map<TopicPartition, OffsetAndMetadata> offsets) {
    pending.putAll(offsets);
    commitIfDue();
  }

  @Override
  public ConsumerRecords<String, byte[]> poll(Duration duration) {
    // Offsets kept from a busy spell go out once it is quiet too: Eventuate polls at least every 100 ms.
    commitIfDue();
    return delegate.poll(duration);
  }

  private void commitIfDue() {
    if (pending.isEmpty() || System.nanoTime() - lastCommitNanos < commitEveryNanos) {
      return;
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = Map.copyOf(pending);
    pending.clear();
    lastCommitNanos = System.nanoTime();
    // Asynchronous. The callback runs on this (the polling) thread, inside a later poll or commit: a failed commit's
    // offsets are kept again unless a later one for the partition is already waiting, so a quiet partition's last
    // offset is still committed by the next round.
    delegate.commitAsync(offsets, (committed, e) -> {
      if (e != null) {
        log.warn("Could not commit offsets {}; trying again: {}", offsets, e.toString());
        Set<TopicPartition> owned = delegate.assignment();
        offsets.forEach((partition, offset) -> {
          // A partition given up since belongs to another member now: its position is not ours to move.
          if (owned.contains(partition)) {
            pending.merge(partition, offset,
                (waiting, failed) -> waiting.offset() >= failed.offset() ? waiting : failed);
          }
        });
      }
    });
  }

  /** Commits and waits for what is kept for these partitions (a rebalance takes them, or the consumer closes). */
  private void commitNow(Collection<TopicPartition> partitions, Duration timeout) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition partition : partitions) {
      OffsetAndMetadata offset = pending.remove(partition);
      if (offset != null) {
        offsets.put(partition, offset);
      }
    }
    if (!offsets.isEmpty()) {
      try {
        delegate.commitSync(offsets, timeout);
      } catch (RuntimeException e) {
        log.warn("Could not commit offsets {}; their records may be consumed again: {}", offsets, e.toString());
      }
    }
  }

  @Override
  public void subscribe(List<String> topics) {
    subscribe(topics, null);
  }

  @Override
  public void subscribe(Collection<String> topics, ConsumerRebalanceListener callback) {
    delegate.subscribe(new ArrayList<>(topics), new ConsumerRebalanceListener() {
      @Override
      public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        commitNow(partitions, COMMIT_TIMEOUT);
        if (callback != null) {
          callback.onPartitionsRevoked(partitions);
        }
      }

      @Override
      public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (callback != null) {
          callback.onPartitionsAssigned(partitions);
        }
      }

      @Override
      public void onPartitionsLost(Collection<TopicPartition> partitions) {
        // Another member owns them already: committing now could move its position back.
        partitions.forEach(pending::remove);
        if (callback != null) {
          callback.onPartitionsLost(partitions);
        }
      }
    });
  }

  @Override
  public void close() {
    commitNow(List.copyOf(pending.keySet()), COMMIT_TIMEOUT);
    delegate.close();
  }

  /** Eventuate closes with a short timeout after a handler failed: the final commit is held to it too. */
  @Override
  public void close(Duration duration) {
    commitNow(List.copyOf(pending.keySet()), duration);
    delegate.close(duration);
  }

  @Override
  public void assign(Collection<TopicPartition> topicPartitions) {
    delegate.assign(topicPartitions);
  }

  @Override
  public void seekToEnd(Collection<TopicPartition> topicPartitions) {
    delegate.seekToEnd(topicPartitions);
  }

  @Override
  public long position(TopicPartition topicPartition) {
    return delegate.position(topicPartition);
  }

  @Override
  public void seek(TopicPartition topicPartition, long position) {
    delegate.seek(topicPartition, position);
  }

  @Override
  public List<PartitionInfo> partitionsFor(String topic) {
    return delegate.partitionsFor(topic);
  }

  @Override
  public void pause(Set<TopicPartition> partitions) {
    delegate.pause(partitions);
  }

  @Override
  public void resume(Set<TopicPartition> partitions) {
    delegate.resume(partitions);
  }
}
