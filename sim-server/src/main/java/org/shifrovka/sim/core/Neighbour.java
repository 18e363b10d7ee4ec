package org.shifrovka.sim.core;

import java.util.Objects;

/**
 * What a station core knows of the link to one neighbour: the operator's keying speed (one frame
 * at a time, each for its Morse keying time) and the nominal latency its timeouts allow for.
 *
 * @param name the neighbour's name
 * @param wpm the keying speed in words per minute (0: frames take no time on the air)
 * @param nominalLatencyNanos the link's nominal latency of an empty frame
 */
public record Neighbour(String name, int wpm, long nominalLatencyNanos) {
  /** Validates. */
  public Neighbour {
    Objects.requireNonNull(name, "name");
    if (wpm < 0 || nominalLatencyNanos < 0) {
      throw new IllegalArgumentException("neighbour " + name + ": wpm and latency must be >= 0");
    }
  }
}
