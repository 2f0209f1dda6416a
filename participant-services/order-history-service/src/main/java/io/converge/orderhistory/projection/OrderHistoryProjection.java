package io.converge.orderhistory.projection;

import static io.converge.orderhistory.model.ReadModels.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.converge.contracts.customer.CreditEvent;
import io.converge.contracts.events.PublishedEvent;
import io.converge.contracts.inventory.StockEvent;
import io.converge.contracts.order.OrderEvent;
import io.converge.contracts.payment.PaymentEvent;
import io.converge.contracts.saga.SagaEvent;
import io.converge.orderhistory.model.ReadModels;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies domain events to one read model version. Each event sets one facet of an order (its own state, stock,
 * credit, payment) or of a customer, and only when its version is higher than the one the facet holds: a duplicate or
 * an older event arriving after a newer one changes nothing. The timeline keeps each event once. The read position
 * moves in the same transaction as the rows.
 */
@Component
class OrderHistoryProjection {

  private final JdbcTemplate jdbc;
  private final ReadModels models;

  OrderHistoryProjection(JdbcTemplate jdbc, ReadModels models) {
    this.jdbc = jdbc;
    this.models = models;
  }

  /** Applies the events, in one transaction, to the live version, whichever that is when it runs. */
  @Transactional
  void applyLive(List<EventRecord> records) {
    if (records.isEmpty()) {
      return;
    }
    String schema = models.liveSchemaForWrite();
    records.forEach(record -> apply(schema, record));
  }

  @Transactional
  void apply(String schema, EventRecord record) {
    PublishedEvent event = record.event();
    Timestamp at = Timestamp.from(record.occurredAt());
    if (event instanceof OrderEvent e) {
      applyOrder(schema, e, at);
      timeline(schema, record, e.orderId(), at);
    } else if (event instanceof StockEvent e) {
      applyStock(schema, e, at);
      timeline(schema, record, e.orderId(), at);
    } else if (event instanceof CreditEvent e) {
      applyCredit(schema, e, record, at);
    } else if (event instanceof PaymentEvent e) {
      applyPayment(schema, e, at);
      timeline(schema, record, e.orderId(), at);
    } else if (event instanceof SagaEvent e) {
      applySaga(schema, e, at);
      timeline(schema, record, e.businessKey(), at);
    }
    jdbc.update(sql(schema, "INSERT INTO {m}.read_positions (topic, part, next_offset, event_at) VALUES (?, ?, ?, ?) "
            + "ON CONFLICT (topic, part) DO UPDATE SET next_offset = GREATEST({m}.read_positions.next_offset, "
            + "EXCLUDED.next_offset), event_at = GREATEST({m}.read_positions.event_at, EXCLUDED.event_at)"),
        record.topic(), record.partition(), record.offset() + 1, at);
  }

  private void applyOrder(String schema, OrderEvent event, Timestamp at) {
    if (event instanceof OrderEvent.Placed placed) {
      // What the order is (customer, lines, when) fills in whenever it arrives; its state only if it is the newest.
      jdbc.update(sql(schema, "INSERT INTO {m}.order_history (order_id, customer_id, payment_method, lines, placed_at, "
              + "state, order_version, updated_at) VALUES (?, ?, ?, ?::jsonb, ?, 'PENDING', ?, ?) "
              + "ON CONFLICT (order_id) DO UPDATE SET customer_id = EXCLUDED.customer_id, "
              + "payment_method = EXCLUDED.payment_method, lines = EXCLUDED.lines, placed_at = EXCLUDED.placed_at, "
              + "state = CASE WHEN {m}.order_history.order_version < EXCLUDED.order_version THEN EXCLUDED.state "
              + "ELSE {m}.order_history.state END, "
              + "order_version = GREATEST({m}.order_history.order_version, EXCLUDED.order_version), "
              + "updated_at = GREATEST({m}.order_history.updated_at, EXCLUDED.updated_at)"),
          placed.orderId(), placed.customerId(), placed.paymentMethod(), json(placed.lines()), at,
          placed.version(), at);
      return;
    }
    String state;
    BigDecimal total = null;
    String reason = null;
    if (event instanceof OrderEvent.Approved approved) {
      state = "APPROVED";
      total = approved.total();
    } else if (event instanceof OrderEvent.Rejected rejected) {
      state = "REJECTED";
      reason = rejected.reason() == null ? null : rejected.reason().name();
    } else if (event instanceof OrderEvent.CancellationBegun) {
      state = "CANCELLATION_PENDING";
    } else if (event instanceof OrderEvent.CancellationUndone) {
      state = "APPROVED";
    } else {
      state = "CANCELLED";
    }
    jdbc.update(sql(schema, "INSERT INTO {m}.order_history (order_id, state, total, rejection_reason, order_version, "
            + "updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (order_id) DO UPDATE SET state = EXCLUDED.state, "
            + "total = COALESCE(EXCLUDED.total, {m}.order_history.total), "
            + "rejection_reason = EXCLUDED.rejection_reason, order_version = EXCLUDED.order_version, "
            + "updated_at = GREATEST({m}.order_history.updated_at, EXCLUDED.updated_at) "
            + "WHERE {m}.order_history.order_version < EXCLUDED.order_version"),
        event.orderId(), state, total, reason, event.version(), at);
    fillIn(schema, event.orderId(), "total", total);
  }

  /**
   * Sets a value only an older event carries (an approval's total, a reservation's lines, an authorization's amount)
   * when the row lacks it: a newer event that arrived first does not carry it, and must not keep it out.
   */
  private void fillIn(String schema, String orderId, String column, Object value) {
    if (value != null) {
      jdbc.update(sql(schema, "UPDATE {m}.order_history SET " + column + " = ? WHERE order_id = ? AND " + column
          + " IS NULL"), value, orderId);
    }
  }

  private void applyStock(String schema, StockEvent event, Timestamp at) {
    String state;
    String detail = null;
    if (event instanceof StockEvent.Reserved reserved) {
      state = "RESERVED";
      detail = json(Map.of("lines", reserved.lines()));
    } else if (event instanceof StockEvent.Rejected rejected) {
      state = "REJECTED";
      detail = json(Map.of("reason", rejected.reason(), "skus", rejected.skus()));
    } else {
      state = "RELEASED";
    }
    jdbc.update(sql(schema, "INSERT INTO {m}.order_history (order_id, stock_state, stock_detail, stock_version, "
            + "updated_at) VALUES (?, ?, ?::jsonb, ?, ?) ON CONFLICT (order_id) DO UPDATE SET "
            + "stock_state = EXCLUDED.stock_state, "
            + "stock_detail = COALESCE(EXCLUDED.stock_detail, {m}.order_history.stock_detail), "
            + "stock_version = EXCLUDED.stock_version, "
            + "updated_at = GREATEST({m}.order_history.updated_at, EXCLUDED.updated_at) "
            + "WHERE {m}.order_history.stock_version < EXCLUDED.stock_version"),
        event.orderId(), state, detail, event.version(), at);
    if (detail != null) {
      jdbc.update(sql(schema, "UPDATE {m}.order_history SET stock_detail = ?::jsonb WHERE order_id = ? AND "
          + "stock_detail IS NULL"), detail, event.orderId());
    }
  }

  private void applyCredit(String schema, CreditEvent event, EventRecord record, Timestamp at) {
    if (event instanceof CreditEvent.AccountOpened opened) {
      customer(schema, opened.customerId(), opened.name(), opened.creditLimit(), opened.version());
      // The name is given once, at opening: it fills in even when a later limit change arrived first.
      jdbc.update(sql(schema, "UPDATE {m}.customer_history SET name = ? WHERE customer_id = ? AND name IS NULL"),
          opened.name(), opened.customerId());
      return;
    }
    if (event instanceof CreditEvent.LimitChanged changed) {
      customer(schema, changed.customerId(), null, changed.creditLimit(), changed.version());
      return;
    }
    String orderId;
    String state;
    BigDecimal amount;
    if (event instanceof CreditEvent.Reserved reserved) {
      orderId = reserved.orderId();
      state = "RESERVED";
      amount = reserved.amount();
    } else if (event instanceof CreditEvent.Rejected rejected) {
      orderId = rejected.orderId();
      state = "REJECTED";
      amount = rejected.amount();
    } else {
      CreditEvent.Released released = (CreditEvent.Released) event;
      orderId = released.orderId();
      state = "RELEASED";
      amount = released.amount();
    }
    // The account's versions grow across all its orders, so they order one order's credit facts too.
    jdbc.update(sql(schema, "INSERT INTO {m}.order_history (order_id, customer_id, credit_state, credit_amount, "
            + "credit_version, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (order_id) DO UPDATE SET "
            + "customer_id = COALESCE({m}.order_history.customer_id, EXCLUDED.customer_id), "
            + "credit_state = EXCLUDED.credit_state, credit_amount = EXCLUDED.credit_amount, "
            + "credit_version = EXCLUDED.credit_version, "
            + "updated_at = GREATEST({m}.order_history.updated_at, EXCLUDED.updated_at) "
            + "WHERE {m}.order_history.credit_version < EXCLUDED.credit_version"),
        orderId, event.customerId(), state, amount, event.version(), at);
    timeline(schema, record, orderId, at);
  }

  private void applyPayment(String schema, PaymentEvent event, Timestamp at) {
    String state;
    BigDecimal amount = null;
    if (event instanceof PaymentEvent.Authorized authorized) {
      state = "AUTHORIZED";
      amount = authorized.amount();
    } else if (event instanceof PaymentEvent.Declined declined) {
      state = "DECLINED";
      amount = declined.amount();
    } else {
      state = "VOIDED";
    }
    jdbc.update(sql(schema, "INSERT INTO {m}.order_history (order_id, payment_state, payment_amount, payment_version, "
            + "updated_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (order_id) DO UPDATE SET "
            + "payment_state = EXCLUDED.payment_state, "
            + "payment_amount = COALESCE(EXCLUDED.payment_amount, {m}.order_history.payment_amount), "
            + "payment_version = EXCLUDED.payment_version, "
            + "updated_at = GREATEST({m}.order_history.updated_at, EXCLUDED.updated_at) "
            + "WHERE {m}.order_history.payment_version < EXCLUDED.payment_version"),
        event.orderId(), state, amount, event.version(), at);
    fillIn(schema, event.orderId(), "payment_amount", amount);
  }

  /**
   * The order sagas' business key is the order id. What a saga is (type, definition, start, deadline) fills in
   * whenever its start arrives; its state only from its newest event.
   */
  private void applySaga(String schema, SagaEvent event, Timestamp at) {
    if (event instanceof SagaEvent.Started started) {
      jdbc.update(sql(schema, "INSERT INTO {m}.order_sagas (saga_id, order_id, saga_type, definition_version, state, "
              + "started_at, deadline_at, changed_at, version) VALUES (?, ?, ?, ?, 'RUNNING', ?, ?, ?, ?) "
              + "ON CONFLICT (saga_id) DO UPDATE SET saga_type = EXCLUDED.saga_type, "
              + "definition_version = EXCLUDED.definition_version, started_at = EXCLUDED.started_at, "
              + "deadline_at = EXCLUDED.deadline_at"),
          started.sagaId(), started.businessKey(), started.sagaType(), started.definitionVersion(), at,
          new Timestamp(started.deadlineEpochMillis()), at, started.version());
      return;
    }
    SagaEvent.StateChanged changed = (SagaEvent.StateChanged) event;
    jdbc.update(sql(schema, "INSERT INTO {m}.order_sagas (saga_id, order_id, state, reason, changed_at, version) "
            + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (saga_id) DO UPDATE SET state = EXCLUDED.state, "
            + "reason = EXCLUDED.reason, changed_at = EXCLUDED.changed_at, version = EXCLUDED.version "
            + "WHERE {m}.order_sagas.version < EXCLUDED.version"),
        changed.sagaId(), changed.businessKey(), changed.state(), changed.reason(), at, changed.version());
  }

  private void customer(String schema, String customerId, String name, BigDecimal creditLimit, long version) {
    jdbc.update(sql(schema, "INSERT INTO {m}.customer_history (customer_id, name, credit_limit, version) "
            + "VALUES (?, ?, ?, ?) ON CONFLICT (customer_id) DO UPDATE SET "
            + "name = COALESCE(EXCLUDED.name, {m}.customer_history.name), credit_limit = EXCLUDED.credit_limit, "
            + "version = EXCLUDED.version WHERE {m}.customer_history.version < EXCLUDED.version"),
        customerId, name, creditLimit, version);
  }

  private void timeline(String schema, EventRecord record, String orderId, Timestamp at) {
    jdbc.update(sql(schema, "INSERT INTO {m}.order_timeline (message_id, order_id, occurred_at, event_type, detail) "
            + "VALUES (?, ?, ?, ?, ?::jsonb) ON CONFLICT (message_id) DO NOTHING"),
        record.messageId(), orderId, at, record.eventType(), record.payload());
  }

  private static String json(Object value) {
    try {
      return EventRecord.JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
