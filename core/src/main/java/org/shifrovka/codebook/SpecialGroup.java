package org.shifrovka.codebook;

/**
 * Code groups that carry no word but steer the reading of the code stream.
 *
 * <p>SPELL and the 2-digit END SPELL code are documented (Blum; Peter Wright); the others are
 * design choices of shifrovka (inferred).
 */
public enum SpecialGroup {
  /** Starts letter-by-letter spelling with 2-digit codes from the spell table, up to END SPELL. */
  SPELL("<SPELL>"),
  /** A group that means nothing; its digits complete the last 5-digit group (filler). */
  NULL("<NULL>"),
  /** A paragraph break. */
  PARAGRAPH("<PARAGRAPH>"),
  /** The next entry is a paragraph number: {@code 2} becomes {@code 2.}. */
  PARAGRAPH_NUMBER("<PARAGRAPH NUMBER>"),
  /**
   * Opens a telegram that is one part of a longer message; the next 4 digits are {@code kknn}, part
   * {@code kk} of {@code nn}.
   */
  PART("<PART>");

  private final String label;

  SpecialGroup(String label) {
    this.label = label;
  }

  /** Returns how the group is written in a codebook file, for example {@code <SPELL>}. */
  public String label() {
    return label;
  }

  static SpecialGroup ofLabel(String label) {
    for (SpecialGroup g : values()) {
      if (g.label.equals(label)) {
        return g;
      }
    }
    return null;
  }
}
