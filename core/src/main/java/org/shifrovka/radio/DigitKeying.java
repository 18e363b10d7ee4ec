package org.shifrovka.radio;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How figures are keyed in all-digit cipher traffic: in full, or as cut numbers.
 *
 * <p>Cut numbers shorten the long figure patterns (reference section 4.3). The pattern set used
 * here, {@code 1 .-  2 ..-  3 ...-  4 ....-  5 .  6 -....  7 -...  8 -..  9 -.  0 -}, is common
 * practice with no Soviet source behind it (inferred); 4 and 6 keep their full patterns. Cut
 * patterns collide with letters ({@code .-} is also A), so a stream keyed with cut numbers can
 * only be read by a decoder that is told it is reading digit groups, never as free text.
 */
public enum DigitKeying {

  /** The full five-element figures of both tables, e.g. 1 = {@code .----}; the default. */
  FULL(
      "-----", ".----", "..---", "...--", "....-", ".....", "-....", "--...", "---..", "----."),

  /** Cut numbers, e.g. 1 = {@code .-}, 0 = {@code -} (inferred). */
  CUT("-", ".-", "..-", "...-", "....-", ".", "-....", "-...", "-..", "-.");

  /** Inter-character gaps inside, and the word gap after, one five-digit group, in units. */
  private static final int GROUP_SPACING_UNITS = 4 * 3 + 7;

  private final String[] codes;
  private final Map<String, Character> digitByCode;

  DigitKeying(String... codesFromZero) {
    this.codes = codesFromZero;
    HashMap<String, Character> byCode = new HashMap<>();
    for (int d = 0; d < 10; d++) {
      byCode.put(codesFromZero[d], (char) ('0' + d));
    }
    this.digitByCode = Map.copyOf(byCode);
  }

  /**
   * Returns the pattern of a figure.
   *
   * @param digit a character {@code '0'} to {@code '9'}
   * @return its dot-dash pattern
   * @throws IllegalArgumentException if {@code digit} is not an ASCII digit
   */
  public String code(char digit) {
    if (digit < '0' || digit > '9') {
      throw new IllegalArgumentException("not a digit: '" + digit + "'");
    }
    return codes[digit - '0'];
  }

  /**
   * Returns the figure a pattern stands for.
   *
   * @param code a dot-dash pattern
   * @return the digit, or empty if the pattern is no figure under this keying
   */
  public Optional<Character> digit(String code) {
    return Optional.ofNullable(digitByCode.get(code));
  }

  /**
   * Returns the keyed length of a figure averaged over the ten digits: elements and the gaps
   * inside the character, without the gap after it.
   *
   * <p>14 units in full (reference section 4.3), 6.8 units with cut numbers.
   *
   * @return the average length in units
   */
  public double averageDigitUnits() {
    int total = 0;
    for (String code : codes) {
      total += KeyedRun.characterUnits(code);
    }
    return total / 10.0;
  }

  /**
   * Returns the keyed length of a random five-digit group with its four inter-character gaps and
   * the word gap that follows it, averaged over all groups: 89 units in full, 53 with cut numbers
   * (reference section 4.3; PARIS is 50).
   *
   * @return the average length in units
   */
  public double averageGroupUnits() {
    return 5 * averageDigitUnits() + GROUP_SPACING_UNITS;
  }
}
