package io.converge.customer.credit;

import io.converge.contracts.customer.CreditEvent;
import io.converge.customer.credit.domain.CreditAccountEvent;
import io.converge.outbox.events.DomainEventOutbox;
import java.time.Instant;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Publishes each credit account event to other services as the contracts' {@link CreditEvent}. Axon calls it in the
 * transaction that appends the event (a subscribing processor), so the outbox row commits with the append or not at
 * all. The stored events are the service's own; this is the only place they are translated into the public ones.
 */
@Component
class CreditEventPublisher {

  private final DomainEventOutbox outbox;

  CreditEventPublisher(DomainEventOutbox outbox) {
    this.outbox = outbox;
  }

  @EventHandler
  void on(CreditAccountEvent event, @SequenceNumber long version, @Timestamp Instant occurredAt) {
    outbox.publish(CreditEvent.CHANNEL, published(event, version, occurredAt.toEpochMilli()));
  }

  private static CreditEvent published(CreditAccountEvent event, long version, long at) {
    if (event instanceof CreditAccountEvent.AccountOpened e) {
      return new CreditEvent.AccountOpened(e.customerId(), version, e.name(), e.creditLimit(), at);
    }
    if (event instanceof CreditAccountEvent.LimitChanged e) {
      return new CreditEvent.LimitChanged(e.customerId(), version, e.to(), at);
    }
    if (event instanceof CreditAccountEvent.CreditReserved e) {
      return new CreditEvent.Reserved(e.customerId(), version, e.orderId(), e.amount(), at);
    }
    if (event instanceof CreditAccountEvent.ReservationRejected e) {
      return new CreditEvent.Rejected(e.customerId(), version, e.orderId(), e.amount(), e.available(), at);
    }
    CreditAccountEvent.CreditReleased e = (CreditAccountEvent.CreditReleased) event;
    return new CreditEvent.Released(e.customerId(), version, e.orderId(), e.amount(), at);
  }
}
