package io.converge.saga.runtime.state;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes the sagas' history rows. Inside a transaction its rows are written together, in one statement, just before it
 * commits (a reply received and the command it led to are one transaction: two rows, one round trip); their time is
 * that statement's. Outside one, each row is written at once.
 */
@Component
class HistoryRows {

  /** The transaction's rows not yet written (a transaction resource). */
  private static final Object PENDING = new Object();

  private final JdbcTemplate jdbc;

  HistoryRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void add(String sagaId, String kind, String participant, String messageType, String outcome, Integer attempt,
           String messageId) {
    Object[] row = {sagaId, kind, participant, messageType, outcome, attempt, messageId};
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      insert(List.<Object[]>of(row));
      return;
    }
    @SuppressWarnings("unchecked")
    List<Object[]> pending = (List<Object[]>) TransactionSynchronizationManager.getResource(PENDING);
    if (pending == null) {
      pending = pendingOfThisTransaction();
    }
    pending.add(row);
  }

  private List<Object[]> pendingOfThisTransaction() {
    List<Object[]> rows = new ArrayList<>();
    TransactionSynchronizationManager.bindResource(PENDING, rows);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void beforeCommit(boolean readOnly) {
        // Unbound first: a row added from here on (by another synchronization) starts a list of its own.
        TransactionSynchronizationManager.unbindResource(PENDING);
        insert(rows);
      }

      @Override
      public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(PENDING);
      }
    });
    return rows;
  }

  private void insert(List<Object[]> rows) {
    if (rows.isEmpty()) {
      return;
    }
    jdbc.update("INSERT INTO saga_history (saga_id, kind, participant, message_type, outcome, attempt, message_id, at) "
        + "VALUES " + String.join(", ", Collections.nCopies(rows.size(), "(?, ?, ?, ?, ?, ?, ?, NOW(3))")),
        rows.stream().flatMap(Arrays::stream).toArray());
  }
}
