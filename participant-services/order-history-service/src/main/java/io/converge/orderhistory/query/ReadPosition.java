package io.converge.orderhistory.query;

import java.time.Instant;
import java.util.Map;

/**
 * How far the model an answer came from has read: per channel partition, the next offset it will read, and the time
 * of the newest event it has applied. With the broker's end offsets this is the model's lag.
 *
 * @param caughtUp false when the caller asked to wait for a version the model had not reached in time
 */
record ReadPosition(String model, Map<String, Long> nextOffsets, Instant newestEventAt, boolean caughtUp) {
}
