package io.converge.contracts.payment;

import io.converge.contracts.WireName;
import io.converge.contracts.events.PublishedEvent;
import java.math.BigDecimal;

/**
 * What happens to an order's payment, as payment-service publishes it (aggregate id: the order id; version 1 is the
 * decision, version 2 its void).
 */
public sealed interface PaymentEvent extends PublishedEvent {

  String CHANNEL = "converge.events.payment";

  String orderId();

  @Override
  default String aggregateId() {
    return orderId();
  }

  @WireName("payment.event.Authorized.v1")
  record Authorized(String orderId, long version, BigDecimal amount, long occurredAtEpochMillis)
      implements PaymentEvent {
  }

  @WireName("payment.event.Declined.v1")
  record Declined(String orderId, long version, BigDecimal amount, long occurredAtEpochMillis)
      implements PaymentEvent {
  }

  @WireName("payment.event.Voided.v1")
  record Voided(String orderId, long version, long occurredAtEpochMillis) implements PaymentEvent {
  }
}
