package io.converge.customer.credit.domain;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * What happened to a customer's credit account: its event stream is the account. Stored as JSON under each record's
 * class name and revision; a change of shape gets a new revision and an upcaster, never an edit of one stored.
 */
public sealed interface CreditAccountEvent {

  String customerId();

  @Revision("1")
  record AccountOpened(String customerId, String name, BigDecimal creditLimit) implements CreditAccountEvent {
  }

  @Revision("1")
  record LimitChanged(String customerId, BigDecimal from, BigDecimal to) implements CreditAccountEvent {
  }

  @Revision("1")
  record CreditReserved(String customerId, String orderId, BigDecimal amount) implements CreditAccountEvent {
  }

  /** Kept as a fact of the ledger: what was asked and what was available when it was refused. */
  @Revision("1")
  record ReservationRejected(String customerId, String orderId, BigDecimal amount, BigDecimal available)
      implements CreditAccountEvent {
  }

  @Revision("1")
  record CreditReleased(String customerId, String orderId, BigDecimal amount) implements CreditAccountEvent {
  }
}
