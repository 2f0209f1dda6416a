package io.converge.contracts.customer;

import io.converge.contracts.WireName;
import io.converge.contracts.events.PublishedEvent;
import java.math.BigDecimal;

/**
 * What happens to a customer's credit account, as customer-service publishes it (aggregate id: the customer id; the
 * version is the account's event sequence number).
 */
public sealed interface CreditEvent extends PublishedEvent {

  String CHANNEL = "converge.events.credit";

  String customerId();

  @Override
  default String aggregateId() {
    return customerId();
  }

  @WireName("credit.event.AccountOpened.v1")
  record AccountOpened(String customerId, long version, String name, BigDecimal creditLimit,
                       long occurredAtEpochMillis) implements CreditEvent {
  }

  @WireName("credit.event.LimitChanged.v1")
  record LimitChanged(String customerId, long version, BigDecimal creditLimit, long occurredAtEpochMillis)
      implements CreditEvent {
  }

  @WireName("credit.event.Reserved.v1")
  record Reserved(String customerId, long version, String orderId, BigDecimal amount, long occurredAtEpochMillis)
      implements CreditEvent {
  }

  @WireName("credit.event.Rejected.v1")
  record Rejected(String customerId, long version, String orderId, BigDecimal amount, BigDecimal available,
                  long occurredAtEpochMillis) implements CreditEvent {
  }

  @WireName("credit.event.Released.v1")
  record Released(String customerId, long version, String orderId, BigDecimal amount, long occurredAtEpochMillis)
      implements CreditEvent {
  }
}
