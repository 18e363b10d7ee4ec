package org.shifrovka;

import java.util.Objects;
import org.shifrovka.internal.SafeText;

/**
 * Input that shifrovka cannot accept: a message with characters no table can carry, or a malformed
 * codebook, pad, ledger or telegram file.
 *
 * <p>The message always names where the problem is, in the form {@code source:line:column: reason}
 * (for example {@code pads.txt:14:31: expected a 5-digit group, found "3758"}), so that a command-line
 * tool can print it as one line. Lines and columns count from 1; a column of 0 means "the whole line"
 * and a line of 0 means "the whole input". The message quotes the input safely: a control
 * character in a damaged file is shown as {@code \u000B}, never written raw, and a long line is cut.
 */
public final class MalformedInputException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final int column;
  private final String reason;

  /**
   * Creates an exception for a problem at a position.
   *
   * @param source the file name, or a label such as {@code <message>}
   * @param line 1-based line, or 0 for the whole input
   * @param column 1-based column, or 0 for the whole line
   * @param reason what is wrong, without the position
   */
  public MalformedInputException(String source, int line, int column, String reason) {
    super(format(source, line, column, reason));
    this.source = Objects.requireNonNull(source, "source");
    this.line = line;
    this.column = column;
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * The message: position and reason, with whatever of the input they quote made safe for a log
   * or a terminal ({@link SafeText}: control characters escaped, at most about 600 characters).
   */
  private static String format(String source, int line, int column, String reason) {
    StringBuilder sb = new StringBuilder(SafeText.of(source, 200));
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    return sb.append(": ").append(SafeText.of(reason, 600)).toString();
  }

  /** Returns the file name or input label. */
  public String source() {
    return source;
  }

  /** Returns the 1-based line, or 0 when the problem concerns the whole input. */
  public int line() {
    return line;
  }

  /** Returns the 1-based column, or 0 when the problem concerns the whole line. */
  public int column() {
    return column;
  }

  /** Returns the reason without the position, as given (not escaped: see {@link #getMessage}). */
  public String reason() {
    return reason;
  }
}
