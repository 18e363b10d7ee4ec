package org.shifrovka.sim.core;

import java.time.Duration;
import java.util.Objects;
import org.shifrovka.sim.server.ForwardMode;

/**
 * Protocol settings shared by the stations of a run.
 *
 * @param timeout the retransmission timeout beyond twice the nominal link latency
 * @param backoff the factor the timeout grows by per attempt
 * @param maxAttempts transmissions (full or repeated groups) before giving up
 * @param forward how relays forward
 */
public record RetransmitSettings(Duration timeout, double backoff, int maxAttempts,
    ForwardMode forward) {
  /** Validates. */
  public RetransmitSettings {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(forward, "forward");
    if (timeout.isNegative() || timeout.isZero() || backoff < 1 || maxAttempts < 1
        || maxAttempts > 255) {
      throw new IllegalArgumentException("retransmit needs timeout > 0, backoff >= 1 and 1-255"
          + " attempts, got " + timeout + ", " + backoff + ", " + maxAttempts);
    }
  }
}
