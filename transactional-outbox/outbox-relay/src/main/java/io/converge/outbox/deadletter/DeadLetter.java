package io.converge.outbox.deadletter;

import java.time.Instant;

/**
 * A record a consumer could not parse or handle. {@code messageId} is null when it was not a message at all;
 * {@code kafkaPartition} and {@code kafkaOffset} say where the record sits on its topic ({@code channel}).
 */
public record DeadLetter(long id, String subscriberId, String channel, Integer kafkaPartition, Long kafkaOffset,
                         String messageId, String headers, String payload, String error, Instant createdAt,
                         Instant replayedAt, String replayedBy) {
}
