package org.shifrovka.telegram;

/**
 * The category of urgency of a telegram, written in the clear radiogram header.
 *
 * <p>"Molniya" (flash) is documented for the Kuznetsov-Terebin channel ("Send by flash cable
 * [molniruite]", reference 3.1); the other categories and the header words are inferred from later
 * Soviet practice.
 */
public enum Precedence {
  /** Ordinary: обыкновенная. */
  ORDINARY("ОБЫКНОВЕННАЯ", "ORDINARY"),
  /** Urgent: срочная. */
  URGENT("СРОЧНАЯ", "URGENT"),
  /** Out of turn: вне очереди. */
  OUT_OF_TURN("ВНЕОЧЕРЕДНАЯ", "OUT OF TURN"),
  /** Flash: молния, ahead of everything. */
  FLASH("МОЛНИЯ", "FLASH");

  private final String headerWord;
  private final String english;

  Precedence(String headerWord, String english) {
    this.headerWord = headerWord;
    this.english = english;
  }

  /** Returns the word written in the radiogram header, for example {@code СРОЧНАЯ}. */
  public String headerWord() {
    return headerWord;
  }

  /** Returns the English name, for example {@code OUT OF TURN}. */
  public String english() {
    return english;
  }

  /** Returns the precedence whose header word is {@code word}, or null. */
  public static Precedence ofHeaderWord(String word) {
    for (Precedence p : values()) {
      if (p.headerWord.equals(word)) {
        return p;
      }
    }
    return null;
  }

  /**
   * Returns the precedence named by a command-line value: {@code ordinary}, {@code urgent},
   * {@code out-of-turn}, {@code flash} (or {@code molniya}), or a header word.
   *
   * @throws IllegalArgumentException if there is none
   */
  public static Precedence of(String name) {
    String n = name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
    if (n.equals("MOLNIYA")) {
      return FLASH;
    }
    for (Precedence p : values()) {
      if (p.name().equals(n) || p.headerWord.equals(n)) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown precedence \"" + name
        + "\" (expected ordinary, urgent, out-of-turn or flash)");
  }
}
