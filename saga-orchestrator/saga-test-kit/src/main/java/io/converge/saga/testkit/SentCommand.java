package io.converge.saga.testkit;

import java.time.Instant;

/**
 * A command the saga sent, as a participant would receive it.
 *
 * @param command  the command, read back from its wire form
 * @param attempt  which attempt of its step it was (a timed-out step is sent again)
 * @param tracked  false for the undo of a timed-out step, which the runtime sends without awaiting its reply
 * @param at       the virtual time it was sent
 */
public record SentCommand(String channel, Object command, int attempt, boolean tracked, Instant at) {
}
