package org.shifrovka.radio;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a written Morse stream into character patterns and word-gap marks.
 *
 * <p>The written form used throughout this package: a character is a run of {@code .} and
 * {@code -}; characters are separated by one or more spaces; a word gap is a {@code /} standing
 * alone between spaces (so {@code ".- -... / -.-."}). Several {@code /} in a row are several word
 * gaps, that is a longer silence.
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

  /**
   * Tokenises a written Morse stream.
   *
   * @throws RadioFormatException if a character other than dot, dash, space or slash occurs, or a
   *     slash touches a dot or dash
   */
  static List<Token> of(String morse) throws RadioFormatException {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = morse.length();
    while (i < n) {
      char c = morse.charAt(i);
      if (c == ' ') {
        i++;
        continue;
      }
      int start = i;
      if (c == '/') {
        i++;
      } else {
        while (i < n && (morse.charAt(i) == '.' || morse.charAt(i) == '-')) {
          i++;
        }
      }
      if (i == start || (i < n && morse.charAt(i) != ' ')) {
        int bad = i == start ? start : i;
        throw new RadioFormatException(
            String.format(
                "'%s' at column %d of the Morse stream is not a dot, dash, space or word gap '/'",
                morse.charAt(bad), bad + 1),
            bad + 1);
      }
      tokens.add(new Token(morse.substring(start, i), start + 1));
    }
    return tokens;
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
