package org.shifrovka.cli.command;

import org.shifrovka.telegram.Register;
import picocli.CommandLine.Option;

/** The receiving office's register: {@code --register-base} and {@code --register-step}. */
final class RegisterOptions {
  @Option(names = "--register-base", paramLabel = "<n>",
      description = "First registry number the receiving office gives, such as 50450"
          + " (default: 1).")
  Integer base;

  @Option(names = "--register-step", paramLabel = "<n>", defaultValue = "1",
      description = "Step between registry numbers, such as 20 (default: ${DEFAULT-VALUE}).")
  int step;

  /** Returns true if {@code --register-base} was given. */
  boolean given() {
    return base != null;
  }

  /**
   * Returns a fresh register.
   *
   * @throws IllegalArgumentException if base or step is out of range
   */
  Register register() {
    return Register.of(base == null ? 1 : base, step);
  }
}
