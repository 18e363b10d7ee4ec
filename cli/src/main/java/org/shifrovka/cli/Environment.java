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
 * @param terminal whether the tool runs in a terminal, its width and colour
 */
public record Environment(InputStream stdin, Clock clock, SecureRandom random,
    Terminal terminal) {
  /** Validates. */
  public Environment {
    Objects.requireNonNull(stdin, "stdin");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(terminal, "terminal");
  }

  /** Returns an environment that is not a terminal. */
  public Environment(InputStream stdin, Clock clock, SecureRandom random) {
    this(stdin, clock, random, Terminal.NONE);
  }

  /** Returns an environment with a new {@link SecureRandom}. */
  public Environment(InputStream stdin, Clock clock) {
    this(stdin, clock, new SecureRandom());
  }

  /**
   * Returns the environment of a real run: {@code System.in}, the system clock (UTC) and the
   * terminal found.
   */
  public static Environment system() {
    return new Environment(System.in, Clock.systemUTC(), new SecureRandom(), Terminal.detect());
  }
}
