package org.shifrovka.telegram;

/**
 * The number under which the receiving office registers a telegram, for example {@code 50450}
 * (incoming) or {@code 0100} (outgoing): the number printed at the top of the archival copy.
 *
 * @param value the number
 * @param width the minimum number of digits it is written with (leading zeros)
 */
public record RegistryNumber(int value, int width) implements Comparable<RegistryNumber> {
  /**
   * Validates the number. A width no larger than the number's own digit count changes nothing and
   * is stored as 1, so that two numbers written alike are equal.
   */
  public RegistryNumber {
    if (value < 0 || width < 1 || width > 9) {
      throw new IllegalArgumentException("bad registry number " + value + " (width " + width + ")");
    }
    if (width <= Integer.toString(value).length()) {
      width = 1;
    }
  }

  /** Returns a number written without leading zeros. */
  public static RegistryNumber of(int value) {
    return new RegistryNumber(value, 1);
  }

  /**
   * Parses a number as written ({@code 0100} keeps its width of 4).
   *
   * @throws IllegalArgumentException if it is not 1-9 digits
   */
  public static RegistryNumber parse(String s) {
    if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("not a registry number: \"" + s + "\"");
    }
    return new RegistryNumber(Integer.parseInt(s), s.length());
  }

  @Override
  public int compareTo(RegistryNumber o) {
    return Integer.compare(value, o.value);
  }

  /** Returns the number as written, with leading zeros to its width. */
  @Override
  public String toString() {
    String s = Integer.toString(value);
    return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
  }
}
