package org.shifrovka.cli;

import java.io.InputStream;
import java.time.Clock;
import java.util.Objects;

/**
 * What the tool takes from the world besides its arguments: standard input and the clock. Tests
 * pass their own; {@link Main} passes {@code System.in} and the system clock.
 *
 * @param stdin read where a file argument is {@code -}
 * @param clock "now" for filing times when no {@code --date} is given, and for the pad ledger
 */
public record Environment(InputStream stdin, Clock clock) {
  /** Validates. */
  public Environment {
    Objects.requireNonNull(stdin, "stdin");
    Objects.requireNonNull(clock, "clock");
  }

  /** Returns the environment of a real run: {@code System.in} and the system clock (UTC). */
  public static Environment system() {
    return new Environment(System.in, Clock.systemUTC());
  }
}
