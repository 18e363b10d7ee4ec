package org.shifrovka.internal;

import org.shifrovka.MalformedInputException;

/**
 * A {@code key value} line of a file header (codebook, pad book). Not API.
 *
 * @param key the word before the first space
 * @param value everything after it
 * @param valueColumn the 1-based column where the value starts, for error messages
 */
public record HeaderLine(String key, String value, int valueColumn) {

  /**
   * Splits a header line at its first space.
   *
   * @throws MalformedInputException if the line has no key followed by a space
   */
  public static HeaderLine parse(String line, String source, int lineNumber)
      throws MalformedInputException {
    int sp = line.indexOf(' ');
    if (sp <= 0) {
      throw new MalformedInputException(source, lineNumber, 1,
          "expected a header line \"key value\", found \"" + line + "\"");
    }
    return new HeaderLine(line.substring(0, sp), line.substring(sp + 1), sp + 2);
  }
}
