package io.converge.orderhistory.projection;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Compares two read model versions aggregate by aggregate: an MD5 of each order's row with its timeline and sagas,
 * and of each customer's row, in both, matched by id. {@code updated_at}, the time of the newest fact applied, is bookkeeping and
 * left out.
 */
@Component
class ModelChecksums {

  private static final int LISTED = 20;

  private static final String ORDER_SUMS = "SELECT o.order_id AS id, md5(concat_ws('|', o.customer_id, "
      + "o.payment_method, o.lines::text, o.placed_at, o.state, o.rejection_reason, o.total, o.order_version, "
      + "o.stock_state, o.stock_detail::text, o.stock_version, o.credit_state, o.credit_amount, o.credit_version, "
      + "o.payment_state, o.payment_amount, o.payment_version, (SELECT string_agg(t.message_id || t.event_type "
      + "|| t.occurred_at, ',' ORDER BY t.message_id) FROM {m}.order_timeline t WHERE t.order_id = o.order_id), "
      + "(SELECT string_agg(concat_ws(',', s.saga_id, s.saga_type, s.definition_version, s.state, s.reason, "
      + "s.started_at, s.deadline_at, s.changed_at, s.version), ';' ORDER BY s.saga_id) FROM {m}.order_sagas s "
      + "WHERE s.order_id = o.order_id))) AS sum FROM {m}.order_history o";
  private static final String CUSTOMER_SUMS = "SELECT customer_id AS id, md5(concat_ws('|', name, credit_limit, "
      + "version)) AS sum FROM {m}.customer_history";

  private final JdbcTemplate jdbc;

  ModelChecksums(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  RebuildReport.Checksums compare(String live, String rebuilt) {
    List<String> different = new ArrayList<>();
    long[] orders = compare(ORDER_SUMS, live, rebuilt, "order ", different);
    long[] customers = compare(CUSTOMER_SUMS, live, rebuilt, "customer ", different);
    return new RebuildReport.Checksums(orders[0], orders[1], customers[0], customers[1],
        different.subList(0, Math.min(LISTED, different.size())));
  }

  /** @return {compared, different} */
  private long[] compare(String sums, String live, String rebuilt, String kind, List<String> different) {
    String sql = "WITH a AS (" + sums.replace("{m}", live) + "), b AS (" + sums.replace("{m}", rebuilt) + ") "
        + "SELECT COALESCE(a.id, b.id) AS id, a.sum IS NOT DISTINCT FROM b.sum AS same "
        + "FROM a FULL OUTER JOIN b ON a.id = b.id";
    long[] counts = new long[2];
    jdbc.query(sql, rs -> {
      counts[0]++;
      if (!rs.getBoolean("same")) {
        counts[1]++;
        if (different.size() < LISTED) {
          different.add(kind + rs.getString("id"));
        }
      }
    });
    return counts;
  }
}
