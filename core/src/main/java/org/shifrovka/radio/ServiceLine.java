package org.shifrovka.radio;

/**
 * A cursor over one keyed service line (a receipt or a repeat request) for strict parsing with
 * column-accurate errors.
 */
final class ServiceLine {

  private final String line;
  private final String what;
  private int position;

  ServiceLine(String line, String what) {
    this.line = line;
    this.what = what;
  }

  /** The 1-based column of the next character. */
  int column() {
    return position + 1;
  }

  boolean startsWith(String text) {
    return line.startsWith(text, position);
  }

  boolean atDigit() {
    return position < line.length() && line.charAt(position) >= '0'
        && line.charAt(position) <= '9';
  }

  /** Consumes {@code text} or fails at the first column where the line differs from it. */
  void expect(String text) throws RadioFormatException {
    for (int i = 0; i < text.length(); i++) {
      if (position >= line.length() || line.charAt(position) != text.charAt(i)) {
        throw error("'" + text.charAt(i) + "' of \"" + text.strip() + "\"");
      }
      position++;
    }
  }

  void expectEnd() throws RadioFormatException {
    if (position < line.length()) {
      throw error("the end of the line");
    }
  }

  /** Consumes a number 1 to {@code max} written without leading zeros. */
  int number(int max) throws RadioFormatException {
    if (!atDigit()) {
      throw error("a number");
    }
    if (line.charAt(position) == '0') {
      throw new RadioFormatException(
          String.format(
              "%s \"%s\": a number must not start with 0 (column %d)", what, line, column()),
          column());
    }
    int start = position;
    long value = 0;
    while (atDigit()) {
      value = value * 10 + (line.charAt(position) - '0');
      position++;
      if (value > max) {
        throw new RadioFormatException(
            String.format("%s \"%s\": number at column %d exceeds %d", what, line, start + 1, max),
            start + 1);
      }
    }
    return (int) value;
  }

  /** An error saying that something else was expected at the current column. */
  RadioFormatException error(String expected) {
    String found =
        position < line.length()
            ? String.format("'%s'", line.charAt(position))
            : "the end of the line";
    return new RadioFormatException(
        String.format(
            "%s \"%s\": expected %s at column %d but found %s",
            what, line, expected, column(), found),
        column());
  }
}
