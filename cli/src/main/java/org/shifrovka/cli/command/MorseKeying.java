package org.shifrovka.cli.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.shifrovka.MalformedInputException;
import org.shifrovka.cli.CliIo;
import org.shifrovka.radio.DigitKeying;
import org.shifrovka.radio.MorseAlphabet;
import org.shifrovka.radio.MorseCodec;
import org.shifrovka.radio.MorseNotation;
import org.shifrovka.radio.RadioFormatException;

/**
 * How the {@code morse} commands turn lines of text into written Morse and back: one table for
 * text, and with cut numbers a second codec for cipher groups.
 *
 * <p>Figures in text are always keyed in full. With cut numbers, every word of exactly five digits
 * (a cipher group) is keyed in cut numbers, and reading back, every word of exactly five cut
 * figures is read as a cipher group. Cut patterns are also letters (.- is A), so a five-letter word
 * made only of such letters (E T A N D B U V, Е Т А Н Д Б У Ж) reads back as digits.
 */
final class MorseKeying {
  /** The length of a cipher group, the only words keyed in cut numbers. */
  static final int GROUP_LENGTH = 5;

  private final MorseCodec text;
  private final MorseCodec groups;
  private final MorseNotation notation;

  private MorseKeying(MorseCodec text, MorseCodec groups, MorseNotation notation) {
    this.text = text;
    this.groups = groups;
    this.notation = notation;
  }

  /** Returns the keying of a table, with or without cut numbers, in the standard notation. */
  static MorseKeying of(MorseAlphabet alphabet, boolean cutNumbers) {
    return of(alphabet, cutNumbers, MorseNotation.standard());
  }

  /** Returns the keying of a table, with or without cut numbers, written in a notation. */
  static MorseKeying of(MorseAlphabet alphabet, boolean cutNumbers, MorseNotation notation) {
    MorseCodec text = MorseCodec.builder().alphabet(alphabet).build();
    MorseCodec groups = cutNumbers
        ? MorseCodec.builder().alphabet(alphabet).digitKeying(DigitKeying.CUT).build() : null;
    return new MorseKeying(text, groups, notation);
  }

  /**
   * Splits text into lines: {@code \n} or {@code \r\n} end a line, and a final line feed ends the
   * last line rather than starting an empty one.
   */
  static List<String> lines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
    if (lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  /** Returns true if a word is a cipher group: exactly five ASCII digits. */
  static boolean isGroup(String word) {
    return word.length() == GROUP_LENGTH && word.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /**
   * Keys one line of text.
   *
   * @throws RadioFormatException if a character has no pattern; the column is in the line
   */
  String encodeLine(String line) throws RadioFormatException {
    return notation.writeMorse(encodeStandard(line));
  }

  private String encodeStandard(String line) throws RadioFormatException {
    if (groups == null && notation.prosignStyle() != MorseNotation.ProsignStyle.PLAIN) {
      return text.encode(line);
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < line.length()) {
      if (Character.isWhitespace(line.charAt(i))) {
        i++;
        continue;
      }
      int end = i;
      while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
        end++;
      }
      String word = line.substring(i, end);
      // text keeps its columns: the spaces before the word are skipped
      String morse = groups != null && isGroup(word) ? groups.encodeGroups(List.of(word))
          : text.encode(" ".repeat(i) + notation.readText(word, text.alphabet()));
      out.append(out.length() == 0 ? "" : MorseCodec.WORD_GAP).append(morse);
      i = end;
    }
    return out.toString();
  }

  /**
   * Keys a whole text as one stream, each line break a word gap, as an operator keys it.
   *
   * @throws MalformedInputException naming the line and column of a character with no pattern
   */
  String encodeStream(String input, String source) throws MalformedInputException {
    StringBuilder out = new StringBuilder();
    List<String> lines = lines(input);
    for (int i = 0; i < lines.size(); i++) {
      String morse = encode(lines.get(i), source, i + 1);
      if (!morse.isEmpty()) {
        out.append(out.length() == 0 ? "" : MorseCodec.WORD_GAP).append(morse);
      }
    }
    return out.toString();
  }

  /** Keys one line, naming the source, line and column of a character with no pattern. */
  String encode(String line, String source, int lineNumber) throws MalformedInputException {
    try {
      return encodeLine(line);
    } catch (RadioFormatException e) {
      throw bad(source, lineNumber, line, e);
    }
  }

  /** Turns one line into another, as {@link #encodeLine} and {@link #decode} do. */
  @FunctionalInterface
  interface LineConversion {
    String apply(String line) throws RadioFormatException;
  }

  /**
   * Converts an input line by line (as {@link #lines} splits it), each output line ended by a
   * line feed.
   *
   * @throws MalformedInputException naming the source, line and column of the first error
   */
  static String eachLine(CliIo.Input in, LineConversion conversion)
      throws MalformedInputException {
    StringBuilder out = new StringBuilder();
    List<String> lines = lines(in.text());
    for (int i = 0; i < lines.size(); i++) {
      try {
        out.append(conversion.apply(lines.get(i))).append('\n');
      } catch (RadioFormatException e) {
        throw bad(in.name(), i + 1, e);
      }
    }
    return out.toString();
  }

  /**
   * Keys an input line by line (as {@link #lines} splits it), each output line ended by a line
   * feed; with {@link MorseNotation.WordSeparator#NEWLINE} every word is a line of its own.
   *
   * @throws MalformedInputException naming the source, line and column of the first character
   *     with no pattern, and the other table when the character is in it
   */
  String encodeLines(CliIo.Input in) throws MalformedInputException {
    StringBuilder out = new StringBuilder();
    List<String> lines = lines(in.text());
    for (int i = 0; i < lines.size(); i++) {
      out.append(encode(lines.get(i), in.name(), i + 1)).append('\n');
    }
    return out.toString();
  }

  /**
   * Reads written Morse: with cut numbers a word of five cut figures as a cipher group, anything
   * else as text.
   *
   * @throws RadioFormatException if the Morse holds anything but dots, dashes, spaces and
   *     {@code /}, or a pattern not in the table; the column is in {@code morse}
   */
  String decode(String morse) throws RadioFormatException {
    return notation.writeText(decodeStandard(morse), text.alphabet());
  }

  private String decodeStandard(String morse) throws RadioFormatException {
    String plain = text.decode(morse); // every cut figure is also a letter of both tables
    if (groups == null) {
      return plain;
    }
    StringBuilder out = new StringBuilder();
    for (MorseCodec.Word w : MorseCodec.words(morse)) {
      // each word keeps its column in the line, so that an error names the right place
      String word = " ".repeat(w.column() - 1) + w.morse();
      String read;
      try {
        List<String> g = groups.decodeGroups(word);
        read = g.size() == 1 && g.get(0).length() == GROUP_LENGTH ? g.get(0) : null;
      } catch (RadioFormatException notCutFigures) {
        read = null;
      }
      if (read == null) {
        read = text.decode(word);
      }
      out.append(out.length() == 0 ? "" : " ").append(read);
    }
    return out.toString();
  }

  /** Returns a bad-data error at a line and the column of a radio error. */
  static MalformedInputException bad(String source, int line, RadioFormatException e) {
    return new MalformedInputException(source, line, e.column(), e.getMessage());
  }

  /**
   * Returns a bad-data error at a line and the column of a radio error, suggesting the other table
   * when the offending character belongs to it.
   */
  MalformedInputException bad(String source, int line, String input, RadioFormatException e) {
    int at = e.column() - 1;
    String hint = "";
    if (at >= 0 && at < input.length()) {
      Character.UnicodeScript script = Character.UnicodeScript.of(input.codePointAt(at));
      boolean russian = text.alphabet().equals(MorseAlphabet.russian());
      if (!russian && script == Character.UnicodeScript.CYRILLIC) {
        hint = "; Cyrillic is keyed with the Russian table: --alphabet ru";
      } else if (russian && script == Character.UnicodeScript.LATIN) {
        hint = "; Latin letters are keyed with the international table: --alphabet intl";
      }
    }
    return new MalformedInputException(source, line, e.column(), e.getMessage() + hint);
  }
}
