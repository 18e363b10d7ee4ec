package org.shifrovka.transposition;

import java.util.Objects;
import org.shifrovka.MalformedInputException;
import org.shifrovka.checkerboard.StraddlingCheckerboard;

/**
 * The field agent's hand system without a pad: a straddling checkerboard turns the message into
 * digits, a double transposition scrambles their order, and the digits go in groups of five (the
 * last group may be short). Immutable.
 *
 * @param board the checkerboard
 * @param transposition the double transposition of the checkerboard's digits
 */
public record TransposedCheckerboard(StraddlingCheckerboard board,
    DoubleTransposition transposition) {

  /** Checks the parts. */
  public TransposedCheckerboard {
    Objects.requireNonNull(board, "board");
    Objects.requireNonNull(transposition, "transposition");
  }

  /**
   * Enciphers a message into digits.
   *
   * @throws MalformedInputException naming the line and column of a character the board lacks
   */
  public String encipher(String message, String source) throws MalformedInputException {
    return transposition.encipher(board.encode(message, source));
  }

  /**
   * Deciphers digits (whitespace between groups is ignored) back into the message.
   *
   * @throws IllegalArgumentException if the digits do not read on the board
   */
  public String decipher(CharSequence digits) {
    return board.decode(transposition.decipher(digits.toString().replaceAll("\\s", "")));
  }

  /** Returns digits in groups of five, ten groups a line. */
  public static String groups(CharSequence digits) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < digits.length(); i += 5) {
      if (i > 0) {
        sb.append(i % 50 == 0 ? '\n' : ' ');
      }
      sb.append(digits, i, Math.min(i + 5, digits.length()));
    }
    return sb.append('\n').toString();
  }
}
