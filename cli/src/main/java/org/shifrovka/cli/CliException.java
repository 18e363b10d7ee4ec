package org.shifrovka.cli;

/**
 * A failure a command reports to the user as one line on standard error, with an exit code from
 * {@link ExitCodes}.
 */
public final class CliException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /** Creates the exception. */
  public CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /** Returns the exit code, one of {@link ExitCodes}. */
  public int exitCode() {
    return exitCode;
  }
}
