package org.shifrovka.radio;

/**
 * Thrown when text, a Morse stream or an operator's service line cannot be read because of a bad
 * symbol at a known place.
 *
 * <p>The message names the offending symbol; {@link #column()} gives its place, counted from 1 at
 * the first character of the input that was being read (a command line prefixes it as
 * {@code file:line:column}), and {@link #messageWithColumn()} says both.
 */
public final class RadioFormatException extends Exception {

  /** The 1-based column of the offending symbol. */
  private final int column;

  /**
   * Creates an exception for a bad symbol.
   *
   * @param message what was wrong, naming the offending symbol and its column
   * @param column the 1-based column of the offending symbol in the input that was read
   */
  public RadioFormatException(String message, int column) {
    super(message);
    if (column < 1) {
      throw new IllegalArgumentException("column must be at least 1 but was " + column);
    }
    this.column = column;
  }

  /**
   * Returns where the offending symbol stands.
   *
   * @return the 1-based column in the input that was read
   */
  public int column() {
    return column;
  }

  /**
   * Returns the message with the place: {@code 'x' in the Morse stream is not ... (column 4)}, for
   * a caller that passes the problem on without the column.
   *
   * @return the message and the column
   */
  public String messageWithColumn() {
    return getMessage() + " (column " + column + ")";
  }
}
