package io.converge.outbox.id;

import io.eventuate.common.id.IdGenerator;
import io.eventuate.common.id.Int128;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Message ids ordered by creation time within one process: the high half is the millisecond, the low half a random
 * node id (fixed per instance) and a counter. Ordered ids let the relay read the outbox in the order rows were written.
 */
public final class RandomNodeIdGenerator implements IdGenerator {

  private static final int COUNTER_BITS = 16;
  private static final long MAX_COUNTER = 1L << COUNTER_BITS;

  private final long node = new SecureRandom().nextLong() >>> COUNTER_BITS;
  private long millis;
  private long counter;

  @Override
  public boolean databaseIdRequired() {
    return false;
  }

  @Override
  public synchronized Int128 genId(Long databaseId, Integer partitionOffset) {
    long now = System.currentTimeMillis();
    if (now > millis) {
      millis = now;
      counter = 0;
    } else if (counter == MAX_COUNTER) {
      // More than 65536 ids in one millisecond (or the clock went back): borrow the next millisecond.
      millis++;
      counter = 0;
    }
    return new Int128(millis, (node << COUNTER_BITS) | counter++);
  }

  @Override
  public Optional<Int128> incrementIdIfPossible(Int128 anchorId) {
    return Optional.of(genId(null, null));
  }
}
