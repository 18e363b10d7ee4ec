package org.shifrovka.sim.core;

import java.time.Instant;
import java.util.Objects;
import org.shifrovka.telegram.Register;

/**
 * What a {@link StationCore} is told about its own station.
 *
 * @param name the station's name
 * @param epoch the instant of time 0 (the driver's times are nanoseconds since it)
 * @param registerBase the first registry number of its office's register
 * @param registerStep the register's step
 * @param registerWidth the digits its registry numbers are written with
 * @param firstSerial the first serial of its telegrams (each sending office takes a range of
 *     10,000 from it, and so do the telegrams it forwards in clear)
 * @param retransmit the protocol settings
 */
public record StationConfig(String name, Instant epoch, int registerBase, int registerStep,
    int registerWidth, int firstSerial, RetransmitSettings retransmit) {
  /** Validates. */
  public StationConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(epoch, "epoch");
    Objects.requireNonNull(retransmit, "retransmit");
    Register.of(registerBase, registerStep, registerWidth); // validates
    if (firstSerial < 0 || firstSerial > 99_999) {
      throw new IllegalArgumentException("first serial must be 0-99999, got " + firstSerial);
    }
  }

  /** Returns a fresh register from the base. */
  Register register(int from) {
    return Register.of(from, registerStep, registerWidth);
  }
}
