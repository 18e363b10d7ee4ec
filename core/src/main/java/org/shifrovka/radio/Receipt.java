package org.shifrovka.radio;

import java.util.Objects;

/**
 * A receiving station's receipt ("квитанция") for a radiogram, given by its number after the
 * group count has been checked.
 *
 * <p>Keyed as {@code Р <number>}, e.g. {@code Р 149}: the Cyrillic Р has the Morse of R, the
 * usual receipt signal (inferred from standard receipt practice, reference section 4.4; the 1949
 * Soviet form was not found). {@link #parse} accepts exactly what {@link #render}
 * writes: Cyrillic Р, one space, a number 1 to 9999 without leading zeros.
 *
 * <p>Instances are immutable value objects.
 */
public final class Receipt {

  private static final String RECEIVED = "Р";
  private static final int MAX_NUMBER = 9999;

  private final int radiogramNumber;

  private Receipt(int radiogramNumber) {
    this.radiogramNumber = radiogramNumber;
  }

  /**
   * Returns the receipt for a radiogram.
   *
   * @param radiogramNumber the radiogram's number from its header, 1 to 9999
   * @return the receipt
   * @throws IllegalArgumentException if the number is out of range
   */
  public static Receipt of(int radiogramNumber) {
    if (radiogramNumber < 1 || radiogramNumber > MAX_NUMBER) {
      throw new IllegalArgumentException(
          "radiogram number must be 1 to " + MAX_NUMBER + " but was " + radiogramNumber);
    }
    return new Receipt(radiogramNumber);
  }

  /**
   * Reads a receipt line as {@link #render()} writes it.
   *
   * @param line the receipt, e.g. {@code "Р 149"}
   * @return the receipt
   * @throws RadioFormatException if the line deviates from the form; the message and
   *     {@link RadioFormatException#column()} name the first offending column
   */
  public static Receipt parse(String line) throws RadioFormatException {
    Objects.requireNonNull(line, "line");
    ServiceLine in = new ServiceLine(line, "receipt");
    in.expect(RECEIVED);
    in.expect(" ");
    int number = in.number(MAX_NUMBER);
    in.expectEnd();
    return new Receipt(number);
  }

  /**
   * Returns the number of the radiogram acknowledged.
   *
   * @return the radiogram number
   */
  public int radiogramNumber() {
    return radiogramNumber;
  }

  /**
   * Writes the receipt as keyed.
   *
   * @return e.g. {@code "Р 149"}
   */
  public String render() {
    return RECEIVED + " " + radiogramNumber;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Receipt other && radiogramNumber == other.radiogramNumber;
  }

  @Override
  public int hashCode() {
    return radiogramNumber;
  }

  @Override
  public String toString() {
    return "Receipt[" + render() + "]";
  }
}
