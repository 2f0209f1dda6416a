package io.converge.outbox.relay;

import io.converge.outbox.relay.EventuateRecordFormat.ReadyRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Outbox rows this process wrote, handed to the relay by the transactions that wrote them, so that the relay
 * publishes them without reading them back from the table (one query per wake-up, the largest part of the relay's
 * statements). The table stays the truth: whatever is not handed over, or is dropped here, the relay's periodic read
 * of the table publishes.
 *
 * <p>Per-key order: a row is registered when it is written, inside its transaction, and becomes takeable when that
 * transaction commits. Rows are taken in id order, and a row is held back while an earlier row with the same key is
 * still inside its transaction, so a second transaction on a key is never published ahead of the first even when its
 * commit is reported first. A row that stays uncommitted longer than {@link #STALE} is dropped (its transaction is
 * stuck or its report lost); the relay then reads the table.
 */
final class HandedOverRows {

  static final Duration STALE = Duration.ofSeconds(2);

  private final ConcurrentSkipListMap<String, Row> rows = new ConcurrentSkipListMap<>();
  /** Rows held, stand-ins included; past the capacity new rows are held as stand-ins. */
  private final AtomicInteger size = new AtomicInteger();
  private final int capacity;
  /** Some row was not handed over or was dropped: only a read of the table is sure to find it. */
  private volatile boolean missed = true;

  HandedOverRows(int capacity) {
    this.capacity = capacity;
  }

  /** A row its transaction has just written; it is taken once {@link #committed} says so. */
  void written(String id, String destination, Map<String, String> headers, String payload) {
    long now = System.nanoTime();
    if (size.incrementAndGet() > capacity) {
      // The relay is behind (Kafka slow): the table holds the row, and a small stand-in keeps its key's later rows
      // behind it until the table is read.
      rows.put(id, new Row(EventuateRecordFormat.keyOf(id, headers), null, now));
      return;
    }
    ReadyRecord record = EventuateRecordFormat.toRecord(id, destination, headers, payload, System.currentTimeMillis());
    rows.put(id, new Row(record.key(), record, now));
  }

  void committed(String id) {
    Row row = rows.get(id);
    if (row != null) {
      row.committed = true;
    }
  }

  void rolledBack(String id) {
    remove(id);
  }

  /**
   * Takes up to {@code max} committed rows in id order, holding back any whose key has an earlier row still in its
   * transaction.
   */
  List<ReadyRecord> takeCommitted(int max) {
    List<ReadyRecord> taken = new ArrayList<>();
    Set<String> heldKeys = new HashSet<>();
    long now = System.nanoTime();
    for (Map.Entry<String, Row> entry : rows.entrySet()) {
      if (taken.size() >= max) {
        break;
      }
      Row row = entry.getValue();
      if (row.committed && row.record != null && !heldKeys.contains(row.key)) {
        remove(entry.getKey());
        taken.add(row.record);
      } else if (!row.committed && now - row.writtenNanos > STALE.toNanos()) {
        remove(entry.getKey());
        missed = true;
      } else {
        // In its transaction, or a stand-in only the table can publish: its key's later rows wait.
        heldKeys.add(row.key);
        missed |= row.committed && row.record == null;
      }
    }
    return taken;
  }

  /**
   * The relay is about to read the table: committed rows are in it and are dropped here (rows still in their
   * transactions stay), and the read answers for any row missed so far.
   */
  void dropCommitted() {
    missed = false;
    for (Map.Entry<String, Row> entry : rows.entrySet()) {
      if (entry.getValue().committed) {
        remove(entry.getKey());
      }
    }
  }

  /** Forgets every row (the relay stopped, failed or stands by): a read of the table comes next. */
  void clear() {
    rows.keySet().forEach(this::remove);
    missed = true;
  }

  /** A row was written where its commit cannot be reported: the next round reads the table. */
  void missedOne() {
    missed = true;
  }

  /** Whether a row may have escaped the hand-over since the last read of the table. */
  boolean missedAny() {
    return missed;
  }

  private void remove(String id) {
    if (rows.remove(id) != null) {
      size.decrementAndGet();
    }
  }

  /** A handed-over row; without a record, a stand-in for one the table holds. */
  private static final class Row {
    final String key;
    final ReadyRecord record;
    final long writtenNanos;
    volatile boolean committed;

    Row(String key, ReadyRecord record, long writtenNanos) {
      this.key = key;
      this.record = record;
      this.writtenNanos = writtenNanos;
    }
  }
}
