package dev.tusk.engine.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that moves only when the test says so, so uptimes are exact. */
final class StepClock extends Clock {

  private volatile Instant now;

  StepClock(Instant start) {
    this.now = start;
  }

  void advance(Duration d) {
    now = now.plus(d);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("StepClock is UTC only");
  }

  @Override
  public Instant instant() {
    return now;
  }
}
