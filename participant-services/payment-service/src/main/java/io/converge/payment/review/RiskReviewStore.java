package io.converge.payment.review;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.converge.payment.review.domain.RiskReview;
import io.eventuate.tram.commands.consumer.CommandReplyToken;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reviews and, beside each pending one, where its reply goes. Times are written by Connector/J without milliseconds:
 * a deadline read back is at most a second early, never late.
 */
@Repository
class RiskReviewStore {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COLUMNS =
      "order_id, customer_id, amount, state, decide_by, reviewer, comment, requested_at, decided_at";

  private final JdbcTemplate jdbc;

  RiskReviewStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<RiskReview> find(String orderId, boolean forUpdate) {
    return jdbc.query("SELECT " + COLUMNS + " FROM risk_reviews WHERE order_id = ?" + (forUpdate ? " FOR UPDATE" : ""),
        (rs, row) -> review(rs), orderId).stream().findFirst();
  }

  /** Reviews in this state, oldest request first, at most {@code limit}. */
  List<RiskReview> inState(RiskReview.State state, int limit) {
    return jdbc.query("SELECT " + COLUMNS + " FROM risk_reviews WHERE state = ? ORDER BY requested_at LIMIT ?",
        (rs, row) -> review(rs), state.name(), limit);
  }

  /** The reviews of these orders, as of their last change: the reconciler's batch read. */
  List<ReviewChange> byOrderIds(List<String> orderIds) {
    String placeholders = String.join(",", java.util.Collections.nCopies(orderIds.size(), "?"));
    return jdbc.query("SELECT order_id, state, updated_at FROM risk_reviews WHERE order_id IN (" + placeholders + ")",
        (rs, row) -> new ReviewChange(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
        orderIds.toArray());
  }

  void insert(RiskReview review, CommandReplyToken replyTo) {
    jdbc.update("INSERT INTO risk_reviews (order_id, customer_id, amount, state, decide_by, reply_channel, "
            + "reply_headers) VALUES (?, ?, ?, ?, ?, ?, ?)", review.orderId(), review.customerId(), review.amount(),
        review.state().name(), review.decideBy() == null ? null : Timestamp.from(review.decideBy()),
        replyTo == null ? null : replyTo.getReplyChannel(), replyTo == null ? null : json(replyTo.getReplyHeaders()));
  }

  /** The request was sent again (a new message): the decision answers the newest copy. */
  void replyTo(String orderId, CommandReplyToken replyTo) {
    jdbc.update("UPDATE risk_reviews SET reply_channel = ?, reply_headers = ? WHERE order_id = ?",
        replyTo.getReplyChannel(), json(replyTo.getReplyHeaders()), orderId);
  }

  Optional<CommandReplyToken> replyToken(String orderId) {
    return jdbc.query("SELECT reply_channel, reply_headers FROM risk_reviews WHERE order_id = ? "
        + "AND reply_channel IS NOT NULL", (rs, row) -> new CommandReplyToken(headers(rs.getString(2)),
        rs.getString(1)), orderId).stream().findFirst();
  }

  void decided(RiskReview review) {
    jdbc.update("UPDATE risk_reviews SET state = ?, reviewer = ?, comment = ?, decided_at = NOW(3) "
        + "WHERE order_id = ?", review.state().name(), review.reviewer(), review.comment(), review.orderId());
  }

  void withdrawn(String orderId) {
    jdbc.update("UPDATE risk_reviews SET state = ? WHERE order_id = ?", RiskReview.State.WITHDRAWN.name(), orderId);
  }

  private static RiskReview review(ResultSet rs) throws SQLException {
    return new RiskReview(rs.getString("order_id"), rs.getString("customer_id"), rs.getBigDecimal("amount"),
        RiskReview.State.valueOf(rs.getString("state")), instant(rs.getTimestamp("decide_by")),
        rs.getString("reviewer"), rs.getString("comment"), instant(rs.getTimestamp("requested_at")),
        instant(rs.getTimestamp("decided_at")));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static String json(Map<String, String> headers) {
    try {
      return JSON.writeValueAsString(headers);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> headers(String json) {
    try {
      return JSON.readValue(json, new TypeReference<Map<String, String>>() { });
    } catch (Exception e) {
      throw new IllegalStateException("Unreadable reply headers", e);
    }
  }
}
