package io.converge.payment.authorization;

import io.converge.payment.authorization.domain.Payment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class PaymentStore {

  private final JdbcTemplate jdbc;

  PaymentStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Payment> find(String orderId, boolean forUpdate) {
    return jdbc.query("SELECT * FROM payments WHERE order_id = ?" + (forUpdate ? " FOR UPDATE" : ""),
        (rs, row) -> new Payment(rs.getString("order_id"), rs.getString("payment_id"), rs.getString("customer_id"),
            rs.getBigDecimal("amount"), rs.getString("payment_method"), Payment.Status.valueOf(rs.getString("status")),
            rs.getString("reason")), orderId).stream().findFirst();
  }

  /**
   * Payments created or changed at or after {@code since}, in {@code status} when given, newest change first, at
   * most {@code limit}.
   */
  List<PaymentChange> changedSince(Payment.Status status, Instant since, int limit) {
    String inStatus = status == null ? "" : " AND status = '" + status.name() + "'";
    return jdbc.query("SELECT order_id, status, updated_at, amount FROM payments WHERE updated_at >= ?" + inStatus
            + " ORDER BY updated_at DESC LIMIT ?", PaymentStore::change, Timestamp.from(since), limit);
  }

  List<PaymentChange> byOrderIds(List<String> orderIds) {
    String placeholders = String.join(",", java.util.Collections.nCopies(orderIds.size(), "?"));
    return jdbc.query("SELECT order_id, status, updated_at, amount FROM payments WHERE order_id IN ("
        + placeholders + ")", PaymentStore::change, orderIds.toArray());
  }

  private static PaymentChange change(ResultSet rs, int row) throws SQLException {
    return new PaymentChange(rs.getString(1), Payment.Status.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant(),
        rs.getBigDecimal(4));
  }

  void insert(Payment p) {
    jdbc.update("INSERT INTO payments (order_id, payment_id, customer_id, amount, payment_method, status, reason) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?)", p.orderId(), p.paymentId(), p.customerId(), p.amount(), p.paymentMethod(),
        p.status().name(), p.reason());
  }

  void updateStatus(Payment p) {
    jdbc.update("UPDATE payments SET status = ? WHERE order_id = ?", p.status().name(), p.orderId());
  }
}
