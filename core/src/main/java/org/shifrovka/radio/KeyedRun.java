package org.shifrovka.radio;

import java.util.ArrayList;
import java.util.List;

/**
 * One stretch of key-down or key-up time in a keyed Morse stream, measured in PARIS units.
 *
 * @param kind what the stretch is
 * @param units its length in units (1 for a dit, 3 for a dah, 1, 3 or 7 for gaps)
 */
record KeyedRun(Kind kind, int units) {

  /** What a run of key-down or key-up time is. */
  enum Kind {
    /** Key down: a dit or a dah. */
    MARK,
    /** Key up between the elements of one character. */
    ELEMENT_GAP,
    /** Key up between characters of one word. */
    CHARACTER_GAP,
    /** Key up between words. */
    WORD_GAP;

    /** Whether Farnsworth timing stretches this run. */
    boolean isSpacing() {
      return this == CHARACTER_GAP || this == WORD_GAP;
    }
  }

  /**
   * Turns a written Morse stream into its runs. A word gap replaces the character gap it falls on;
   * leading and trailing word gaps are kept as runs.
   *
   * @throws IllegalArgumentException if the stream is malformed
   */
  static List<KeyedRun> of(String morse) {
    List<MorseTokens.Token> tokens;
    try {
      tokens = MorseTokens.of(morse);
    } catch (RadioFormatException e) {
      throw new IllegalArgumentException(e.messageWithColumn(), e);
    }
    List<KeyedRun> runs = new ArrayList<>();
    boolean afterCharacter = false;
    for (MorseTokens.Token token : tokens) {
      if (token.isWordGap()) {
        runs.add(new KeyedRun(Kind.WORD_GAP, 7));
        afterCharacter = false;
        continue;
      }
      if (afterCharacter) {
        runs.add(new KeyedRun(Kind.CHARACTER_GAP, 3));
      }
      String code = token.text();
      for (int i = 0; i < code.length(); i++) {
        if (i > 0) {
          runs.add(new KeyedRun(Kind.ELEMENT_GAP, 1));
        }
        runs.add(new KeyedRun(Kind.MARK, code.charAt(i) == '.' ? 1 : 3));
      }
      afterCharacter = true;
    }
    return runs;
  }

  /** Returns the units of one character pattern: its elements and the gaps between them. */
  static int characterUnits(String code) {
    int units = code.length() - 1;
    for (int i = 0; i < code.length(); i++) {
      units += code.charAt(i) == '.' ? 1 : 3;
    }
    return units;
  }
}
