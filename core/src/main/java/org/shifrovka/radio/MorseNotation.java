package org.shifrovka.radio;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How written Morse and the procedure signals in text are spelled for other tools: the word
 * separator a converter expects, and whether prosigns are written as table symbols ({@code +}),
 * in angle brackets ({@code <AR>}) or as run-together letters ({@code AR}).
 *
 * <p>{@link MorseCodec} always reads every convention (see its class documentation) and writes the
 * standard one, {@code " / "} between words and table symbols; a notation rewrites that output
 * for a reader that wants another. Several prosigns share a pattern with punctuation in the
 * international table ({@code <AR>} is {@code +}, {@code <BT>} is {@code =}, {@code <KA>} is
 * {@code <CT>}): Morse itself cannot tell them apart, so the style decides how such a pattern is
 * written back.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class MorseNotation {

  /** What separates words in written Morse. */
  public enum WordSeparator {
    /** {@code " / "}, this project's own form and the most common one. */
    SPACED_SLASH(" / "),
    /** {@code "/"} with no spaces around it. */
    SLASH("/"),
    /** {@code " | "}. */
    PIPE(" | "),
    /** Three spaces: a word gap drawn as silence. */
    SPACES("   "),
    /** A line break: one word per line. */
    NEWLINE("\n");

    private final String text;

    WordSeparator(String text) {
      this.text = text;
    }

    /**
     * Returns the separator as written.
     *
     * @return the text between two words
     */
    public String text() {
      return text;
    }
  }

  /** How a procedure signal (prosign) is written in text. */
  public enum ProsignStyle {
    /** As the table's symbol: {@code +}, {@code =}, {@code <SK>} (the standard). */
    SYMBOL,
    /** In angle brackets by its name: {@code <AR>}, {@code <BT>}, {@code <SK>}. */
    BRACKETS,
    /** As run-together letters standing alone as a word: {@code AR}, {@code BT}, {@code SK}. */
    PLAIN
  }

  /** Prosign name to the table symbol it is keyed as, international table. */
  private static final Map<String, String> INTERNATIONAL = prosigns(
      "AR", "+", "BT", "=", "KA", "<CT>", "SK", "<SK>", "AS", "<AS>", "HH", "<HH>", "SN", "<SN>");
  /** Prosign name to the table symbol it is keyed as, Russian table. */
  private static final Map<String, String> RUSSIAN = prosigns(
      "СК", "<СК>", "АС", "<АС>", "ЦТ", "<ЦТ>", "ХХ", "<ХХ>", "СН", "<СН>");

  /** Table symbol to prosign name, for writing text back. */
  private static final Map<String, String> INTERNATIONAL_NAMES = bySymbol(INTERNATIONAL);
  private static final Map<String, String> RUSSIAN_NAMES = bySymbol(RUSSIAN);

  private static final MorseNotation STANDARD =
      new MorseNotation(WordSeparator.SPACED_SLASH, ProsignStyle.SYMBOL);

  private final WordSeparator wordSeparator;
  private final ProsignStyle prosignStyle;

  private MorseNotation(WordSeparator wordSeparator, ProsignStyle prosignStyle) {
    this.wordSeparator = wordSeparator;
    this.prosignStyle = prosignStyle;
  }

  /**
   * Returns the project's own notation: {@code " / "} between words, prosigns as table symbols.
   *
   * @return the standard notation
   */
  public static MorseNotation standard() {
    return STANDARD;
  }

  /**
   * Returns a notation.
   *
   * @param wordSeparator what goes between words
   * @param prosignStyle how prosigns are written in text
   * @return the notation
   */
  public static MorseNotation of(WordSeparator wordSeparator, ProsignStyle prosignStyle) {
    return new MorseNotation(
        Objects.requireNonNull(wordSeparator, "wordSeparator"),
        Objects.requireNonNull(prosignStyle, "prosignStyle"));
  }

  /**
   * Returns the word separator.
   *
   * @return the separator
   */
  public WordSeparator wordSeparator() {
    return wordSeparator;
  }

  /**
   * Returns the prosign style.
   *
   * @return the style
   */
  public ProsignStyle prosignStyle() {
    return prosignStyle;
  }

  /**
   * Rewrites Morse as {@link MorseCodec} writes it with this notation's word separator.
   *
   * @param morse written Morse in the standard form
   * @return the same Morse with this notation's separator between words
   */
  public String writeMorse(String morse) {
    return wordSeparator == WordSeparator.SPACED_SLASH
        ? morse : morse.replace(MorseCodec.WORD_GAP, wordSeparator.text());
  }

  /**
   * Rewrites text read from Morse so that its prosigns follow this notation's style.
   *
   * @param text text as {@link MorseCodec#decode} returns it
   * @param alphabet the table it was read with
   * @return the text with prosigns in this style
   */
  public String writeText(String text, MorseAlphabet alphabet) {
    if (prosignStyle == ProsignStyle.SYMBOL) {
      return text;
    }
    Map<String, String> names = isRussian(alphabet) ? RUSSIAN_NAMES : INTERNATIONAL_NAMES;
    StringBuilder out = new StringBuilder(text.length() + 8);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      String symbol;
      if (c == '<' && text.indexOf('>', i) > 0) {
        symbol = text.substring(i, text.indexOf('>', i) + 1);
      } else {
        symbol = String.valueOf(c);
      }
      String name = names.get(symbol);
      out.append(name == null ? symbol
          : prosignStyle == ProsignStyle.BRACKETS ? "<" + name + ">" : name);
      i += symbol.length();
    }
    return out.toString();
  }

  /**
   * Rewrites text to be keyed so that its prosigns, written in this notation's style, are keyed as
   * procedure signals: with {@link ProsignStyle#PLAIN} a word that is exactly a prosign's name
   * ({@code AR}, {@code sk}) becomes the signal; bracketed names ({@code <AR>}, {@code <bt>}) are
   * read in every style.
   *
   * @param text the text to key
   * @param alphabet the table it will be keyed with
   * @return text {@link MorseCodec#encode} keys with the prosigns as signals
   */
  public String readText(String text, MorseAlphabet alphabet) {
    Map<String, String> symbols = isRussian(alphabet) ? RUSSIAN : INTERNATIONAL;
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int end = i;
      if (c == '<') {
        end = text.indexOf('>', i);
        String name = end < 0 ? null : text.substring(i + 1, end).toUpperCase(Locale.ROOT);
        if (name != null && symbols.containsKey(name)) {
          out.append(symbols.get(name));
          i = end + 1;
          continue;
        }
        out.append(c);
        i++;
        continue;
      }
      if (prosignStyle == ProsignStyle.PLAIN && !Character.isWhitespace(c)
          && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
          end++;
        }
        String word = text.substring(i, end).toUpperCase(Locale.ROOT);
        if (symbols.containsKey(word)) {
          out.append(symbols.get(word));
          i = end;
          continue;
        }
      }
      out.append(c);
      i++;
    }
    return out.toString();
  }

  private static boolean isRussian(MorseAlphabet alphabet) {
    return alphabet.equals(MorseAlphabet.russian());
  }

  private static Map<String, String> bySymbol(Map<String, String> byName) {
    Map<String, String> bySymbol = new LinkedHashMap<>();
    byName.forEach((name, symbol) -> bySymbol.put(symbol, name));
    return Map.copyOf(bySymbol);
  }

  private static Map<String, String> prosigns(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return Map.copyOf(m);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MorseNotation n
        && n.wordSeparator == wordSeparator && n.prosignStyle == prosignStyle;
  }

  @Override
  public int hashCode() {
    return wordSeparator.hashCode() * 31 + prosignStyle.hashCode();
  }

  @Override
  public String toString() {
    return "MorseNotation[" + wordSeparator + ", " + prosignStyle + "]";
  }
}
