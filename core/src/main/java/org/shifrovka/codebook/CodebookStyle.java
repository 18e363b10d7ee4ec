package org.shifrovka.codebook;

/**
 * How code groups are assigned to entries.
 *
 * <p>Whether the 1940s Soviet codes were one-part or two-part is not settled by the sources
 * (period-telegraphy reference section 1.2); both are offered (inferred).
 */
public enum CodebookStyle {
  /**
   * Codes assigned in random order, so the encoding and decoding sections of the book differ (the
   * default, harder to reconstruct).
   */
  TWO_PART("two-part"),
  /**
   * Codes rising with the alphabetical order of the entries, so one book serves both directions
   * (easier to read in a classroom, and easier to break).
   */
  ONE_PART("one-part");

  private final String label;

  CodebookStyle(String label) {
    this.label = label;
  }

  /** Returns the name used in files and on the command line: {@code two-part} or {@code one-part}. */
  public String label() {
    return label;
  }

  /**
   * Returns the style with this label.
   *
   * @throws IllegalArgumentException if there is none
   */
  public static CodebookStyle ofLabel(String label) {
    for (CodebookStyle s : values()) {
      if (s.label.equalsIgnoreCase(label) || s.name().equalsIgnoreCase(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown codebook style \"" + label
        + "\" (expected two-part or one-part)");
  }
}
