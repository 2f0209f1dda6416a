package io.converge.inventory.stock;

import io.converge.contracts.PricedLine;
import io.converge.inventory.stock.domain.Product;
import io.converge.inventory.stock.domain.StockReservation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class StockStore {

  private final JdbcTemplate jdbc;

  StockStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Product> find(String sku) {
    return jdbc.query("SELECT * FROM products WHERE sku = ?", this::product, sku).stream().findFirst();
  }

  /** Locks the rows in sku order, so two reservations never wait on each other in opposite orders. */
  Map<String, Product> lock(Collection<String> skus) {
    String placeholders = String.join(",", Collections.nCopies(skus.size(), "?"));
    Map<String, Product> found = new LinkedHashMap<>();
    jdbc.query("SELECT * FROM products WHERE sku IN (" + placeholders + ") ORDER BY sku FOR UPDATE",
        this::product, skus.toArray()).forEach(p -> found.put(p.sku(), p));
    return found;
  }

  void insert(Product product) {
    jdbc.update("INSERT INTO products (sku, name, price, on_hand, reserved) VALUES (?, ?, ?, ?, 0)", product.sku(),
        product.name(), product.price(), product.onHand());
  }

  void addReserved(String sku, int quantity) {
    jdbc.update("UPDATE products SET reserved = reserved + ? WHERE sku = ?", quantity, sku);
  }

  /**
   * Reservations created or changed at or after {@code since}, in {@code status} when given, newest change first, at
   * most {@code limit}.
   */
  List<StockReservationChange> changedSince(StockReservation.Status status, Instant since, int limit) {
    String inStatus = status == null ? "" : " AND status = '" + status.name() + "'";
    return jdbc.query("SELECT order_id, status, updated_at FROM stock_reservations WHERE updated_at >= ?" + inStatus
            + " ORDER BY updated_at DESC LIMIT ?", (rs, row) -> new StockReservationChange(rs.getString(1),
            StockReservation.Status.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant()),
        Timestamp.from(since), limit);
  }

  List<StockReservationChange> byOrderIds(Collection<String> orderIds) {
    String placeholders = String.join(",", Collections.nCopies(orderIds.size(), "?"));
    return jdbc.query("SELECT order_id, status, updated_at FROM stock_reservations WHERE order_id IN (" + placeholders
        + ")", (rs, row) -> new StockReservationChange(rs.getString(1),
        StockReservation.Status.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant()), orderIds.toArray());
  }

  Optional<StockReservation> findReservation(String orderId, boolean forUpdate) {
    List<PricedLine> lines = jdbc.query("SELECT sku, quantity, unit_price FROM stock_reservation_lines "
        + "WHERE order_id = ? ORDER BY sku", (rs, row) -> new PricedLine(rs.getString(1), rs.getInt(2),
        rs.getBigDecimal(3)), orderId);
    return jdbc.query("SELECT * FROM stock_reservations WHERE order_id = ?" + (forUpdate ? " FOR UPDATE" : ""),
        (rs, row) -> {
          String reason = rs.getString("reason");
          String skus = rs.getString("failed_skus");
          return new StockReservation(orderId, StockReservation.Status.valueOf(rs.getString("status")),
              reason == null ? null : StockReservation.RejectedBecause.valueOf(reason),
              skus == null || skus.isEmpty() ? List.of() : Arrays.asList(skus.split(",")), lines,
              rs.getBigDecimal("total"));
        }, orderId).stream().findFirst();
  }

  /** Inserts the reservation and its lines. */
  void insert(StockReservation reservation) {
    jdbc.update("INSERT INTO stock_reservations (order_id, status, reason, failed_skus, total) VALUES (?, ?, ?, ?, ?)",
        reservation.orderId(), reservation.status().name(),
        reservation.reason() == null ? null : reservation.reason().name(),
        String.join(",", reservation.failedSkus()), reservation.total());
    for (PricedLine line : reservation.lines()) {
      jdbc.update("INSERT INTO stock_reservation_lines (order_id, sku, quantity, unit_price) VALUES (?, ?, ?, ?)",
          reservation.orderId(), line.sku(), line.quantity(), line.unitPrice());
    }
  }

  void updateStatus(StockReservation reservation) {
    jdbc.update("UPDATE stock_reservations SET status = ? WHERE order_id = ?", reservation.status().name(),
        reservation.orderId());
  }

  private Product product(ResultSet rs, int row) throws SQLException {
    return new Product(rs.getString("sku"), rs.getString("name"), rs.getBigDecimal("price"), rs.getInt("on_hand"),
        rs.getInt("reserved"));
  }
}
