package org.shifrovka.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of the {@code shifrovka} tool. Every command documents them in its
 * {@code --help}, and the project README lists them.
 */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;
  /**
   * The command ran but the answer is "no": {@code telegram check} found problems, {@code decode}
   * found garbled groups or missing parts, the demo text did not arrive unchanged, or an I/O error.
   */
  public static final int FAILURE = 1;
  /** Bad options or arguments, or a named file that does not exist or may not be overwritten. */
  public static final int USAGE = 2;
  /** Bad input data: a malformed file, a character no table carries, an unknown code. */
  public static final int BAD_DATA = 3;
  /** Refused to protect the one-time pad: a sheet would be used twice, or the pad is exhausted. */
  public static final int SECURITY = 4;
  /** A bug in shifrovka (an unexpected exception); run with {@code --verbose} for the trace. */
  public static final int INTERNAL = 70;

  private ExitCodes() {}

  /** Returns the exit codes with their one-line descriptions, in order, for the usage help. */
  public static Map<String, String> descriptions() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(Integer.toString(OK), "success");
    m.put(Integer.toString(FAILURE), "failure: problems found (check, decode, demo) or an I/O error");
    m.put(Integer.toString(USAGE), "usage error: bad option or argument, missing file");
    m.put(Integer.toString(BAD_DATA), "bad input data: malformed file, unknown code");
    m.put(Integer.toString(SECURITY), "security refusal: pad sheet reuse, exhausted pad");
    m.put(Integer.toString(INTERNAL), "internal error (a bug; --verbose shows the stack trace)");
    return m;
  }
}
