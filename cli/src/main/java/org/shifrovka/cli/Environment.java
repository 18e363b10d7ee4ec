package org.shifrovka.cli;

import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/**
 * What the tool takes from the world besides its arguments: standard input, the clock and a source
 * of secure randomness. Tests pass their own; {@link Main} passes {@code System.in}, the system
 * clock and a new {@link SecureRandom}.
 *
 * @param stdin read where a file argument is {@code -}
 * @param clock "now" for filing times when no {@code --date} is given, for the pad ledger, and the
 *     wall clock that dates certificates ({@code pki})
 * @param random keys, serial numbers and signatures of certificates ({@code pki})
 */
public record Environment(InputStream stdin, Clock clock, SecureRandom random) {
  /** Validates. */
  public Environment {
    Objects.requireNonNull(stdin, "stdin");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(random, "random");
  }

  /** Returns an environment with a new {@link SecureRandom}. */
  public Environment(InputStream stdin, Clock clock) {
    this(stdin, clock, new SecureRandom());
  }

  /** Returns the environment of a real run: {@code System.in} and the system clock (UTC). */
  public static Environment system() {
    return new Environment(System.in, Clock.systemUTC());
  }
}
