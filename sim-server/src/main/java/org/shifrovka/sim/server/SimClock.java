package org.shifrovka.sim.server;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A {@link Clock} that reads the kernel's simulated time; use it on the kernel's executor only. */
public final class SimClock extends Clock {
  private final Instant epoch;
  private final SimKernel kernel;

  /** Returns a clock showing {@code epoch} plus the kernel's simulated time. */
  public SimClock(Instant epoch, SimKernel kernel) {
    this.epoch = epoch;
    this.kernel = kernel;
  }

  /** Returns the instant of simulated time {@code nanos}. */
  public Instant at(long nanos) {
    return epoch.plusNanos(nanos);
  }

  /** Returns the simulated nanos of an instant. */
  public long nanosOf(Instant t) {
    return java.time.Duration.between(epoch, t).toNanos();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }

  @Override
  public Instant instant() {
    return at(kernel.now());
  }
}
