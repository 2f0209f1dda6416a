package io.converge.saga.testkit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The run's time, for a saga that reads a clock itself (to put a deadline in a command, say): give it this clock and
 * the run moves it as it advances.
 */
public final class VirtualClock extends Clock {

  private Instant now;

  public VirtualClock() {
    this(SagaTestKit.EPOCH);
  }

  public VirtualClock(Instant start) {
    this.now = start;
  }

  void set(Instant instant) {
    this.now = instant;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a virtual clock is in UTC");
  }
}
