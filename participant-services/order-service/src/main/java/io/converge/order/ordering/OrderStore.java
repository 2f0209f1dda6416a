package io.converge.order.ordering;

import io.converge.contracts.OrderLine;
import io.converge.contracts.RejectionReason;
import io.converge.order.ordering.domain.Order;
import io.converge.order.ordering.domain.OrderState;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class OrderStore {

  private final JdbcTemplate jdbc;

  OrderStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Order> find(String id, boolean forUpdate) {
    List<OrderLine> lines = jdbc.query("SELECT sku, quantity FROM order_lines WHERE order_id = ? ORDER BY line_no",
        (rs, row) -> new OrderLine(rs.getString(1), rs.getInt(2)), id);
    return jdbc.query("SELECT * FROM orders WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""), (rs, row) -> {
      String reason = rs.getString("reason");
      return new Order(rs.getString("id"), rs.getString("customer_id"), rs.getString("payment_method"), lines,
          OrderState.valueOf(rs.getString("state")), reason == null ? null : RejectionReason.valueOf(reason),
          rs.getBigDecimal("total"), rs.getString("cancellation_id"), rs.getLong("version"));
    }, id).stream().findFirst();
  }

  List<OrderStatus> statusesOf(List<String> ids) {
    String placeholders = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
    return jdbc.query("SELECT id, state, reason, updated_at FROM orders WHERE id IN (" + placeholders + ")",
        (rs, row) -> new OrderStatus(rs.getString(1), OrderState.valueOf(rs.getString(2)), rs.getString(3),
            rs.getTimestamp(4).toInstant()), ids.toArray());
  }

  /** Inserts the order unless a row for its id exists; returns whether it inserted. */
  boolean insertIfAbsent(Order order) {
    int inserted = jdbc.update("INSERT IGNORE INTO orders (id, customer_id, payment_method, state, reason, total, version) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)", order.id(), order.customerId(), order.paymentMethod(),
        order.state().name(), order.reason() == null ? null : order.reason().name(), order.total(), order.version());
    if (inserted == 1) {
      List<OrderLine> lines = order.lines();
      for (int i = 0; i < lines.size(); i++) {
        jdbc.update("INSERT INTO order_lines (order_id, line_no, sku, quantity) VALUES (?, ?, ?, ?)", order.id(), i,
            lines.get(i).sku(), lines.get(i).quantity());
      }
    }
    return inserted == 1;
  }

  void update(Order order) {
    jdbc.update("UPDATE orders SET state = ?, reason = ?, total = ?, cancellation_id = ?, version = ? WHERE id = ?",
        order.state().name(), order.reason() == null ? null : order.reason().name(), order.total(),
        order.cancellationId(), order.version(), order.id());
  }

  /** Records that a cancellation was undone; returns false when it was already. */
  boolean withdraw(String cancellationId, String orderId) {
    return jdbc.update("INSERT IGNORE INTO withdrawn_cancellations (cancellation_id, order_id) VALUES (?, ?)",
        cancellationId, orderId) == 1;
  }

  boolean withdrawn(String cancellationId) {
    return !jdbc.queryForList("SELECT 1 FROM withdrawn_cancellations WHERE cancellation_id = ?", Integer.class,
        cancellationId).isEmpty();
  }
}
