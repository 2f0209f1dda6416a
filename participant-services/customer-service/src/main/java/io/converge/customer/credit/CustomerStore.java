package io.converge.customer.credit;

import io.converge.customer.credit.domain.CreditReservation;
import io.converge.customer.credit.domain.RejectedBecause;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class CustomerStore {

  private final JdbcTemplate jdbc;

  CustomerStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Locks the customer's account: decisions for one customer are made one at a time, each on the events the one
   * before it committed. (The event store's optimistic check on the stream version stays the last guard.)
   *
   * @return whether the customer has an account
   */
  boolean lockAccount(String customerId) {
    return !jdbc.queryForList("SELECT customer_id FROM credit_accounts WHERE customer_id = ? FOR UPDATE", String.class,
        customerId).isEmpty();
  }

  boolean accountExists(String customerId) {
    return !jdbc.queryForList("SELECT customer_id FROM credit_accounts WHERE customer_id = ?", String.class,
        customerId).isEmpty();
  }

  /** The account's row, to lock on; its state is in its events. Fails on the key for an account that exists. */
  void insertAccount(String customerId) {
    jdbc.update("INSERT INTO credit_accounts (customer_id) VALUES (?)", customerId);
  }

  /** The most recent open reservations, at most {@code limit}. */
  List<CreditReservation> openReservations(String customerId, int limit) {
    return jdbc.query("SELECT * FROM credit_reservations WHERE customer_id = ? AND status = 'RESERVED' "
        + "ORDER BY created_at DESC, order_id DESC LIMIT ?", this::reservation, customerId, limit);
  }

  /**
   * Reservations created or changed at or after {@code since}, in {@code status} when given, newest change first, at
   * most {@code limit}.
   */
  List<CreditReservationChange> changedSince(CreditReservation.Status status, Instant since, int limit) {
    String inStatus = status == null ? "" : " AND status = '" + status.name() + "'";
    return jdbc.query("SELECT order_id, status, updated_at, amount FROM credit_reservations WHERE updated_at >= ?"
            + inStatus + " ORDER BY updated_at DESC LIMIT ?", CustomerStore::change, Timestamp.from(since), limit);
  }

  List<CreditReservationChange> byOrderIds(List<String> orderIds) {
    String placeholders = String.join(",", java.util.Collections.nCopies(orderIds.size(), "?"));
    return jdbc.query("SELECT order_id, status, updated_at, amount FROM credit_reservations WHERE order_id IN ("
        + placeholders + ")", CustomerStore::change, orderIds.toArray());
  }

  private static CreditReservationChange change(ResultSet rs, int row) throws SQLException {
    return new CreditReservationChange(rs.getString(1), CreditReservation.Status.valueOf(rs.getString(2)),
        rs.getTimestamp(3).toInstant(), rs.getBigDecimal(4));
  }

  Optional<CreditReservation> lockReservation(String orderId) {
    return jdbc.query("SELECT * FROM credit_reservations WHERE order_id = ? FOR UPDATE", this::reservation, orderId)
        .stream().findFirst();
  }

  Optional<CreditReservation> findReservation(String orderId) {
    return jdbc.query("SELECT * FROM credit_reservations WHERE order_id = ?", this::reservation, orderId)
        .stream().findFirst();
  }

  /**
   * A reservation (or a release's tombstone) for an order that had none. Two commands for one order can race here
   * (they travel under different Kafka keys); the second fails on the key and its handler is retried, and then finds
   * the first's row: never an update that overwrites a decision it did not see.
   */
  void insert(CreditReservation r) {
    jdbc.update("INSERT INTO credit_reservations (order_id, customer_id, amount, status, reason, available) "
            + "VALUES (?, ?, ?, ?, ?, ?)", r.orderId(), r.customerId(), r.amount(), r.status().name(),
        r.reason() == null ? null : r.reason().name(), r.available());
  }

  void updateStatus(CreditReservation r) {
    jdbc.update("UPDATE credit_reservations SET status = ? WHERE order_id = ?", r.status().name(), r.orderId());
  }

  private CreditReservation reservation(ResultSet rs, int row) throws SQLException {
    String reason = rs.getString("reason");
    return new CreditReservation(rs.getString("order_id"), rs.getString("customer_id"), rs.getBigDecimal("amount"),
        CreditReservation.Status.valueOf(rs.getString("status")),
        reason == null ? null : RejectedBecause.valueOf(reason), rs.getBigDecimal("available"));
  }
}
