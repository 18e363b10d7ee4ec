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
 * @param window the most telegrams a link has on the air without a receipt; the rest wait their
 *     turn in filing order ({@link #UNLIMITED}: every telegram is keyed at its filing time)
 */
public record StationConfig(String name, Instant epoch, int registerBase, int registerStep,
    int registerWidth, int firstSerial, RetransmitSettings retransmit, int window) {
  /** No window: the simulator's 1949 offices keyed every telegram at its filing time. */
  public static final int UNLIMITED = Integer.MAX_VALUE;

  /** Returns a configuration without a window ({@link #UNLIMITED}). */
  public StationConfig(String name, Instant epoch, int registerBase, int registerStep,
      int registerWidth, int firstSerial, RetransmitSettings retransmit) {
    this(name, epoch, registerBase, registerStep, registerWidth, firstSerial, retransmit,
        UNLIMITED);
  }

  /** Validates. */
  public StationConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(epoch, "epoch");
    Objects.requireNonNull(retransmit, "retransmit");
    Register.of(registerBase, registerStep, registerWidth); // validates
    if (firstSerial < 0 || firstSerial > 99_999) {
      throw new IllegalArgumentException("first serial must be 0-99999, got " + firstSerial);
    }
    if (window < 1) {
      throw new IllegalArgumentException("window must be >= 1, got " + window);
    }
  }

  /** Returns a fresh register from the base. */
  Register register(int from) {
    return Register.of(from, registerStep, registerWidth);
  }
}
