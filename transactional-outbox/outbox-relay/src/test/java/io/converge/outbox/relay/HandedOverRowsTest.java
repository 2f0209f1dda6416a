package io.converge.outbox.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.converge.outbox.relay.EventuateRecordFormat.ReadyRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandedOverRowsTest {

  private final HandedOverRows rows = new HandedOverRows(100);

  @Test
  void committedRowsAreTakenInIdOrderAndOnlyOnce() {
    rows.dropCommitted();
    write("id-2", "a");
    write("id-1", "b");
    rows.committed("id-2");
    rows.committed("id-1");

    assertThat(ids(rows.takeCommitted(10))).containsExactly("id-1", "id-2");
    assertThat(rows.takeCommitted(10)).isEmpty();
    assertThat(rows.missedAny()).isFalse();
  }

  @Test
  void aRowWaitsForAnEarlierRowOfItsKeyStillInItsTransactionButOtherKeysDoNot() {
    rows.dropCommitted();
    write("id-1", "k");
    write("id-2", "k");
    write("id-3", "other");
    rows.committed("id-2");
    rows.committed("id-3");

    assertThat(ids(rows.takeCommitted(10))).as("id-2 is held behind id-1, reported later").containsExactly("id-3");

    rows.committed("id-1");
    assertThat(ids(rows.takeCommitted(10))).containsExactly("id-1", "id-2");
  }

  @Test
  void aRolledBackRowIsNeverTakenAndTheTableIsReadForIt() {
    rows.dropCommitted();
    write("id-1", "k");
    write("id-2", "k");
    rows.rolledBack("id-1");
    rows.committed("id-2");

    assertThat(ids(rows.takeCommitted(10))).containsExactly("id-2");
  }

  @Test
  void pastItsCapacityARowIsAStandInThatHoldsItsKeyUntilTheTableIsRead() {
    HandedOverRows small = new HandedOverRows(1);
    small.dropCommitted();
    write(small, "id-1", "k");
    write(small, "id-2", "k");
    write(small, "id-3", "other");
    small.committed("id-1");
    small.committed("id-2");
    small.committed("id-3");

    List<ReadyRecord> taken = small.takeCommitted(10);
    assertThat(ids(taken)).as("id-2 and id-3 were stand-ins; only id-1 has a record").containsExactly("id-1");
    assertThat(small.takeCommitted(10)).isEmpty();
    assertThat(small.missedAny()).as("the stand-ins' rows are in the table only").isTrue();

    small.dropCommitted();
    write(small, "id-4", "k");
    small.committed("id-4");
    assertThat(ids(small.takeCommitted(10))).as("after the table read, the key moves again").containsExactly("id-4");
  }

  @Test
  void startsAndAfterAClearAsksForATableRead() {
    assertThat(rows.missedAny()).isTrue();
    rows.dropCommitted();
    assertThat(rows.missedAny()).isFalse();
    write("id-1", "k");
    rows.clear();
    rows.committed("id-1");
    assertThat(rows.takeCommitted(10)).isEmpty();
    assertThat(rows.missedAny()).isTrue();
  }

  @Test
  void theRecordIsWhatEventuatesConsumerReads() {
    rows.dropCommitted();
    write("id-1", "order-7");
    rows.committed("id-1");

    ReadyRecord record = rows.takeCommitted(1).get(0);
    assertThat(record.record().topic()).isEqualTo("converge.test");
    assertThat(record.key()).isEqualTo("order-7");
    assertThat(record.record().value()).contains("\"payload\":\"{\\\"n\\\":1}\"").contains("\"ID\":\"id-1\"");
  }

  private void write(String id, String key) {
    write(rows, id, key);
  }

  private static void write(HandedOverRows into, String id, String key) {
    into.written(id, "converge.test", Map.of("ID", id, "PARTITION_ID", key, "DESTINATION", "converge.test"),
        "{\"n\":1}");
  }

  private static List<String> ids(List<ReadyRecord> records) {
    return records.stream().map(ReadyRecord::id).toList();
  }
}
