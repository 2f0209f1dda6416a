package io.converge.outbox.deadletter;

import java.time.Instant;

/** A record a consumer could not parse or handle. {@code messageId} is null when it was not a message at all. */
public record DeadLetter(long id, String subscriberId, String channel, String messageId, String headers,
                         String payload, String error, Instant createdAt, Instant replayedAt) {
}
