package io.converge.orderhistory.query;

import static io.converge.orderhistory.model.ReadModels.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.converge.orderhistory.model.ReadModels;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Reads the live model; never calls another service. */
@Component
class OrderHistoryQueries {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcTemplate jdbc;
  private final ReadModels models;

  OrderHistoryQueries(JdbcTemplate jdbc, ReadModels models) {
    this.jdbc = jdbc;
    this.models = models;
  }

  /** The order's version in the live model; empty when the model has no row for it yet. */
  Optional<Long> orderVersion(String orderId) {
    return jdbc.queryForList(onLive("SELECT order_version FROM {m}.order_history WHERE order_id = ?"), Long.class,
        orderId).stream().findFirst();
  }

  /** The facts of these orders (those the model has). */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  List<OrderFacts> facts(List<String> orderIds) {
    if (orderIds.isEmpty()) {
      return List.of();
    }
    String schema = models.liveSchema();
    String placeholders = String.join(",", java.util.Collections.nCopies(orderIds.size(), "?"));
    Map<String, Map<String, String>> sagas = new HashMap<>();
    jdbc.query(sql(schema, "SELECT order_id, saga_id, state FROM {m}.order_sagas WHERE order_id IN (" + placeholders
        + ")"), rs -> {
          sagas.computeIfAbsent(rs.getString(1), id -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
        }, orderIds.toArray());
    return jdbc.query(sql(schema, "SELECT order_id, order_version, state, stock_state, credit_state, credit_amount, "
            + "payment_state, payment_amount FROM {m}.order_history WHERE order_id IN (" + placeholders + ")"),
        (rs, row) -> new OrderFacts(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
            rs.getString(5), rs.getBigDecimal(6), rs.getString(7), rs.getBigDecimal(8),
            sagas.getOrDefault(rs.getString(1), Map.of())), orderIds.toArray());
  }

  /** One snapshot of the model: the row, its timeline and the read position agree. */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  Optional<OrderHistoryView> order(String orderId, boolean caughtUp) {
    String schema = models.liveSchema();
    List<OrderHistoryView.TimelineEntry> timeline = jdbc.query(sql(schema, "SELECT occurred_at, event_type, detail "
            + "FROM {m}.order_timeline WHERE order_id = ? ORDER BY occurred_at, message_id"),
        (rs, row) -> new OrderHistoryView.TimelineEntry(instant(rs, "occurred_at"), rs.getString("event_type"),
            json(rs.getString("detail"))), orderId);
    List<OrderHistoryView.Saga> sagas = jdbc.query(sql(schema, "SELECT * FROM {m}.order_sagas WHERE order_id = ? "
            + "ORDER BY started_at NULLS LAST, saga_id"),
        (rs, row) -> new OrderHistoryView.Saga(rs.getString("saga_id"), rs.getString("saga_type"),
            (Integer) rs.getObject("definition_version"), rs.getString("state"), rs.getString("reason"),
            instant(rs, "started_at"), instant(rs, "deadline_at"), instant(rs, "changed_at")), orderId);
    ReadPosition position = position(schema, caughtUp);
    return jdbc.query(sql(schema, "SELECT * FROM {m}.order_history WHERE order_id = ?"), (rs, row) ->
        new OrderHistoryView(rs.getString("order_id"), rs.getString("customer_id"), rs.getString("payment_method"),
            rs.getString("state"), rs.getString("rejection_reason"), rs.getBigDecimal("total"),
            json(rs.getString("lines")), instant(rs, "placed_at"), instant(rs, "updated_at"),
            rs.getLong("order_version"),
            new OrderHistoryView.Facet(rs.getString("stock_state"), null, json(rs.getString("stock_detail"))),
            new OrderHistoryView.Facet(rs.getString("credit_state"), rs.getBigDecimal("credit_amount"), null),
            new OrderHistoryView.Facet(rs.getString("payment_state"), rs.getBigDecimal("payment_amount"), null),
            sagas, timeline, position), orderId).stream().findFirst();
  }

  /**
   * @param state only orders in this state, when given
   * @param from  only orders placed at or after, when given
   * @param to    only orders placed before, when given
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  CustomerOrdersView customerOrders(String customerId, String state, Instant from, Instant to, int page, int size) {
    String schema = models.liveSchema();
    StringBuilder where = new StringBuilder(" WHERE customer_id = ?");
    List<Object> arguments = new ArrayList<>(List.of(customerId));
    if (state != null) {
      where.append(" AND state = ?");
      arguments.add(state);
    }
    if (from != null) {
      where.append(" AND placed_at >= ?");
      arguments.add(Timestamp.from(from));
    }
    if (to != null) {
      where.append(" AND placed_at < ?");
      arguments.add(Timestamp.from(to));
    }
    long total = jdbc.queryForObject(sql(schema, "SELECT COUNT(*) FROM {m}.order_history" + where), Long.class,
        arguments.toArray());
    List<Object> paged = new ArrayList<>(arguments);
    paged.add(size);
    paged.add((long) page * size);
    List<CustomerOrdersView.OrderSummary> orders = jdbc.query(sql(schema, "SELECT order_id, state, total, placed_at, "
            + "stock_state, credit_state, payment_state FROM {m}.order_history" + where
            + " ORDER BY placed_at DESC NULLS LAST, order_id LIMIT ? OFFSET ?"),
        (rs, row) -> new CustomerOrdersView.OrderSummary(rs.getString("order_id"), rs.getString("state"),
            rs.getBigDecimal("total"), instant(rs, "placed_at"), rs.getString("stock_state"),
            rs.getString("credit_state"), rs.getString("payment_state")), paged.toArray());
    Map<String, Object> sums = jdbc.queryForMap(sql(schema, "SELECT "
        + "COALESCE(SUM(credit_amount) FILTER (WHERE credit_state = 'RESERVED'), 0) AS open_credit, "
        + "COALESCE(SUM(total) FILTER (WHERE state = 'APPROVED'), 0) AS spend "
        + "FROM {m}.order_history WHERE customer_id = ?"), customerId);
    Map<String, Object> customer = jdbc.queryForList(sql(schema, "SELECT name, credit_limit FROM "
        + "{m}.customer_history WHERE customer_id = ?"), customerId).stream().findFirst().orElse(Map.of());
    return new CustomerOrdersView(customerId, (String) customer.get("name"), (BigDecimal) customer.get("credit_limit"),
        (BigDecimal) sums.get("open_credit"), (BigDecimal) sums.get("spend"), orders, page, size, total,
        position(schema, true));
  }

  private ReadPosition position(String schema, boolean caughtUp) {
    Map<String, Long> offsets = new LinkedHashMap<>();
    Instant[] newest = {null};
    jdbc.query(sql(schema, "SELECT topic, part, next_offset, event_at FROM {m}.read_positions ORDER BY topic, part"),
        rs -> {
          offsets.put(rs.getString("topic") + "-" + rs.getInt("part"), rs.getLong("next_offset"));
          Instant at = instant(rs, "event_at");
          if (newest[0] == null || at.isAfter(newest[0])) {
            newest[0] = at;
          }
        });
    return new ReadPosition(schema, offsets, newest[0], caughtUp);
  }

  /** A statement on the live version's tables. */
  private String onLive(String statement) {
    return sql(models.liveSchema(), statement);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp timestamp = rs.getTimestamp(column);
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static JsonNode json(String text) {
    try {
      return text == null ? null : JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalStateException("Unreadable JSON in the read model", e);
    }
  }
}
