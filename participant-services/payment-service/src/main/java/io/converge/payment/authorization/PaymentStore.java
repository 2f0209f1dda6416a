package io.converge.payment.authorization;

import io.converge.payment.authorization.domain.Payment;
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

  void insert(Payment p) {
    jdbc.update("INSERT INTO payments (order_id, payment_id, customer_id, amount, payment_method, status, reason) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?)", p.orderId(), p.paymentId(), p.customerId(), p.amount(), p.paymentMethod(),
        p.status().name(), p.reason());
  }

  void updateStatus(Payment p) {
    jdbc.update("UPDATE payments SET status = ? WHERE order_id = ?", p.status().name(), p.orderId());
  }
}
