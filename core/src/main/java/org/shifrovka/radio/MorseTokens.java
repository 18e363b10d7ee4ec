package org.shifrovka.radio;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a written Morse stream into character patterns and word-gap marks.
 *
 * <p>The written form this package writes: a character is a run of {@code .} and {@code -};
 * characters are separated by one space; a word gap is a {@code /} standing alone between spaces
 * (so {@code ".- -... / -.-."}). Reading accepts what common converters and hand copies write
 * as well (the table "Morse as text" in the README):
 *
 * <ul>
 *   <li>dots written {@code .}, {@code ·} or {@code •}; dashes {@code -}, {@code _}, {@code −}
 *       (minus sign), {@code –} or {@code —};
 *   <li>a word separator {@code /} or {@code |}, with or without spaces around it; each one is a
 *       word gap, so several in a row are a longer silence;
 *   <li>a line break with no {@code /} or {@code |} beside it is one word gap;
 *   <li>in a stream with no {@code /} or {@code |} between two characters, a run of two or more
 *       spaces (tabs count as spaces) is one word gap; otherwise any run of spaces separates
 *       characters;
 *   <li>CR LF and CR line ends, and separators at the start or end of the stream.
 * </ul>
 */
final class MorseTokens {

  /** The token that stands for one word gap. */
  static final String WORD_GAP = "/";

  /** One token of a written Morse stream and its 1-based column. */
  record Token(String text, int column) {
    boolean isWordGap() {
      return WORD_GAP.equals(text);
    }
  }

  private MorseTokens() {}

  /** Returns {@code '.'} or {@code '-'} for a dot or dash in any accepted spelling, else 0. */
  static char element(char c) {
    switch (c) {
      case '.', '\u00B7', '\u2022':
        return '.';
      case '-', '_', '\u2212', '\u2013', '\u2014':
        return '-';
      default:
        return 0;
    }
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/' || c == '|';
  }

  /**
   * Tokenises a written Morse stream.
   *
   * @throws RadioFormatException if a character other than a dot, dash, space, line break or word
   *     separator occurs; the column is its 1-based index in {@code morse}
   */
  static List<Token> of(String morse) throws RadioFormatException {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = morse.length();
    StringBuilder pattern = new StringBuilder(8);
    boolean marksWords = marksWords(morse);
    while (i < n) {
      char c = morse.charAt(i);
      if (isSeparator(c)) {
        int start = i;
        int spaces = 0;
        boolean lineBreak = false;
        boolean marked = false;
        for (; i < n && isSeparator(morse.charAt(i)); i++) {
          char s = morse.charAt(i);
          if (s == '/' || s == '|') {
            tokens.add(new Token(WORD_GAP, i + 1));
            marked = true;
          } else if (s == '\n' || s == '\r') {
            lineBreak = true;
          } else {
            spaces++;
          }
        }
        if (!marked && (lineBreak || (spaces >= 2 && !marksWords))) {
          tokens.add(new Token(WORD_GAP, start + 1));
        }
        continue;
      }
      int start = i;
      pattern.setLength(0);
      for (char e; i < n && (e = element(morse.charAt(i))) != 0; i++) {
        pattern.append(e);
      }
      if (i == start) {
        throw new RadioFormatException(
            String.format(
                "%s in the Morse stream is not a dot, dash, space or word separator (/ or |)",
                describe(c)),
            start + 1);
      }
      tokens.add(new Token(pattern.toString(), start + 1));
    }
    return tokens;
  }

  /** Returns true if a {@code /} or {@code |} stands between two characters of the stream. */
  private static boolean marksWords(String morse) {
    int first = 0;
    while (first < morse.length() && element(morse.charAt(first)) == 0) {
      first++;
    }
    int last = morse.length() - 1;
    while (last > first && element(morse.charAt(last)) == 0) {
      last--;
    }
    for (int i = first; i < last; i++) {
      if (morse.charAt(i) == '/' || morse.charAt(i) == '|') {
        return true;
      }
    }
    return false;
  }

  /** Names a character for an error message, with its code point when it is not plain ASCII. */
  static String describe(char c) {
    return c >= 0x21 && c < 0x7F ? "'" + c + "'" : String.format("'%s' (U+%04X)", c, (int) c);
  }

  /**
   * One word of a Morse stream.
   *
   * @param tokens its character tokens, empty for a word-long silence
   * @param column the column of its first character, or for an empty word of the word gap that
   *     closes it
   */
  record Word(List<Token> tokens, int column) {
    boolean isEmpty() {
      return tokens.isEmpty();
    }
  }

  /**
   * Groups tokens into words, splitting at every word gap.
   *
   * <p>Word gaps act as separators: one gap at the very start and one at the very end of the
   * stream frame it and produce no word, while two gaps with no character between them enclose an
   * empty word (a stretch of silence as long as a word, e.g. a group lost in a fade). So
   * {@code "/ a / / b /"} gives {@code [a], [], [b]}.
   */
  static List<Word> words(List<Token> tokens) {
    List<Word> segments = new ArrayList<>();
    List<Token> current = new ArrayList<>();
    for (Token token : tokens) {
      if (token.isWordGap()) {
        segments.add(word(current, token.column()));
        current = new ArrayList<>();
      } else {
        current.add(token);
      }
    }
    segments.add(word(current, tokens.isEmpty() ? 1 : tokens.get(tokens.size() - 1).column()));
    if (segments.get(0).isEmpty()) {
      segments.remove(0);
    }
    if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
      segments.remove(segments.size() - 1);
    }
    return segments;
  }

  private static Word word(List<Token> tokens, int closingColumn) {
    return new Word(List.copyOf(tokens), tokens.isEmpty() ? closingColumn : tokens.get(0).column());
  }
}
