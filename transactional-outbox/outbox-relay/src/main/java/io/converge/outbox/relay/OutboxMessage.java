package io.converge.outbox.relay;

/** One unpublished row of Eventuate's {@code message} table. */
public record OutboxMessage(String id, String destination, String headers, String payload, long creationTime) {
}
