package io.converge.contracts.events;

/**
 * A fact one service publishes about one of its aggregates, for any other service to read (never a command). Published
 * through the service's outbox in the transaction that made it true, on its aggregate type's channel, keyed by the
 * aggregate id: one aggregate's events arrive in the order they happened.
 */
public interface PublishedEvent {

  String aggregateId();

  /**
   * The aggregate's version this event made. Versions of one aggregate only grow, so a reader keeps what the highest
   * version it saw says, whatever order the events came in (a facet's state is carried whole by each event).
   */
  long version();

  /** When it happened, by the publishing service's clock (epoch milliseconds). */
  long occurredAtEpochMillis();
}
