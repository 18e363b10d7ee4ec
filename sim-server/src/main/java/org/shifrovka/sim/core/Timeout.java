package org.shifrovka.sim.core;

/**
 * A timer a {@link StationCore} asked for ({@link StationEffects#setTimer}); when it is due, the
 * driver hands it back to {@link StationCore#timeout}. Opaque to drivers.
 */
public final class Timeout {
  final Runnable action;

  Timeout(Runnable action) {
    this.action = action;
  }

  @Override
  public String toString() {
    return "Timeout";
  }
}
