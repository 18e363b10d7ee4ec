package org.shifrovka.radio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes text and digit groups as dots and dashes and reads them back, using one
 * {@link MorseAlphabet}.
 *
 * <p>The written Morse form has one space between characters and {@value #WORD_GAP} between
 * words, e.g. {@code "ЖЖЖ ДЕ"} in the Russian table is {@code "...- ...- ...- / -.. ."}. Reading
 * also accepts the conventions of common converters: {@code /} or {@code |} with or without
 * spaces, a line break or two or more spaces as a word gap, {@code ·} and {@code _} for dots and
 * dashes, CR LF line ends; {@link MorseNotation} writes those conventions on request. Errors carry
 * the 1-based column of the offending symbol in {@link RadioFormatException#column()}; their
 * messages do not repeat it.
 *
 * <h2>Text</h2>
 * {@link #encode} upper-cases its input, keys any run of whitespace as one word gap, reads a
 * bracketed procedure signal such as {@code <SK>} as one character, and keys aliases (Ё) as their
 * table symbol. {@link #decode} therefore returns the normalised text: upper case, single spaces,
 * Е for Ё. Figures in text are always keyed in full, whatever {@link DigitKeying} is set.
 *
 * <h2>Digit groups</h2>
 * {@link #encodeGroups} and {@link #decodeGroups} key cipher groups with the configured
 * {@link DigitKeying}; only they can read cut numbers, which would be ambiguous as text.
 *
 * <h2>Unknown symbols</h2>
 * By default a character with no pattern, or a pattern with no character, is a
 * {@link RadioFormatException} naming it and its column. When built with
 * {@link Builder#replaceUnknownWith(String)}, text methods key the replacement instead of an
 * unknown character and read the replacement for an unknown pattern. Group methods are always
 * strict.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class MorseCodec {

  /** What separates words in the written Morse form. */
  public static final String WORD_GAP = " / ";

  private final MorseAlphabet alphabet;
  private final DigitKeying digitKeying;
  private final String replacement;
  private volatile MorseTables tables; // built on first use

  private MorseCodec(MorseAlphabet alphabet, DigitKeying digitKeying, String replacement) {
    this.alphabet = alphabet;
    this.digitKeying = digitKeying;
    this.replacement = replacement;
  }

  /**
   * Returns a strict codec for the international table with full figures.
   *
   * @return the codec
   */
  public static MorseCodec international() {
    return new MorseCodec(MorseAlphabet.international(), DigitKeying.FULL, null);
  }

  /**
   * Returns a strict codec for the Russian table with full figures.
   *
   * @return the codec
   */
  public static MorseCodec russian() {
    return new MorseCodec(MorseAlphabet.russian(), DigitKeying.FULL, null);
  }

  /**
   * Starts a codec with the international table, full figures and strict handling of unknown
   * symbols.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the table this codec uses for text.
   *
   * @return the table
   */
  public MorseAlphabet alphabet() {
    return alphabet;
  }

  /**
   * Returns how this codec keys figures in digit groups.
   *
   * @return the digit keying
   */
  public DigitKeying digitKeying() {
    return digitKeying;
  }

  /**
   * Writes text as Morse.
   *
   * @param text the text; whitespace separates words
   * @return the written Morse form, empty for blank text
   * @throws RadioFormatException if a character has no pattern in the table and no replacement
   *     was configured; the column is the 1-based index of the character in {@code text}
   */
  public String encode(CharSequence text) throws RadioFormatException {
    Objects.requireNonNull(text, "text");
    MorseTables.Writer out = tables().writer(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (out.charIfKnown(c)) { // the common case: one flat-table look-up, one 8-byte store
        i++;
        continue;
      }
      if (Character.isWhitespace(c)) {
        out.wordGap();
        i++;
        continue;
      }
      String symbol;
      int next;
      if (c == '<') {
        int close = indexOf(text, '>', i);
        if (close < 0) {
          throw new RadioFormatException(
              "procedure signal opened with '<' at column " + (i + 1) + " is never closed", i + 1);
        }
        symbol = text.subSequence(i, close + 1).toString().toUpperCase(Locale.ROOT);
        next = close + 1;
      } else {
        symbol = String.valueOf(c).toUpperCase(Locale.ROOT);
        next = i + 1;
      }
      Optional<String> code = alphabet.code(symbol);
      if (code.isEmpty()) {
        if (replacement == null) {
          throw new RadioFormatException(
              String.format(
                  "%s has no pattern in the %s Morse table", describe(symbol), alphabet.name()),
              i + 1);
        }
        code = alphabet.code(replacement);
      }
      out.pattern(code.orElseThrow());
      i = next;
    }
    return out.toString();
  }

  /**
   * Reads Morse back into text.
   *
   * @param morse the written Morse form
   * @return the text, words separated by single spaces
   * @throws RadioFormatException if the stream holds anything but dots, dashes, spaces and
   *     {@code /}, or, without a replacement, a pattern not in the table; the column is the
   *     1-based index in {@code morse}
   */
  public String decode(String morse) throws RadioFormatException {
    Objects.requireNonNull(morse, "morse");
    String fast = tables().decodeText(morse);
    return fast != null ? fast : decodeGeneral(morse);
  }

  /**
   * One word of a written Morse stream, as {@link #decode} reads the stream's word gaps.
   *
   * @param morse the word's patterns, separated by single spaces
   * @param column the 1-based column of its first pattern in the stream
   */
  public record Word(String morse, int column) {}

  /**
   * Splits a written Morse stream into its words by the conventions {@link #decode} reads (a
   * word-long silence gives no word), so that a caller can read each word its own way, as cipher
   * groups or as text.
   *
   * @param morse the written Morse form
   * @return the words in order
   * @throws RadioFormatException if the stream holds anything but dots, dashes, spaces and word
   *     separators; the column is the 1-based index in {@code morse}
   */
  public static List<Word> words(String morse) throws RadioFormatException {
    List<Word> out = new ArrayList<>();
    for (MorseTokens.Word w : MorseTokens.words(MorseTokens.of(morse))) {
      if (!w.isEmpty()) {
        StringBuilder sb = new StringBuilder();
        for (MorseTokens.Token t : w.tokens()) {
          sb.append(sb.length() == 0 ? "" : " ").append(t.text());
        }
        out.add(new Word(sb.toString(), w.column()));
      }
    }
    return out;
  }

  /** {@link #decode} by tokens, for every input: errors, replacements, long patterns. */
  String decodeGeneral(String morse) throws RadioFormatException {
    StringBuilder out = new StringBuilder();
    for (MorseTokens.Word word : MorseTokens.words(MorseTokens.of(morse))) {
      if (word.isEmpty()) {
        continue;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      for (MorseTokens.Token token : word.tokens()) {
        Optional<String> symbol = alphabet.symbol(token.text());
        if (symbol.isEmpty()) {
          if (replacement == null) {
            throw unknownPattern(token, alphabet.name() + " Morse table");
          }
          symbol = Optional.of(replacement);
        }
        out.append(symbol.get());
      }
    }
    return out.toString();
  }

  /**
   * Writes cipher groups as Morse with the configured figure keying, one word per group.
   *
   * @param groups groups of one or more ASCII digits
   * @return the written Morse form
   * @throws RadioFormatException if a group is empty or holds a non-digit; the message names the
   *     group by its 1-based number and the column is the 1-based position inside that group
   */
  public String encodeGroups(List<String> groups) throws RadioFormatException {
    Objects.requireNonNull(groups, "groups");
    MorseTables.Writer out = tables().writer(groups.size() * 6);
    for (int g = 0; g < groups.size(); g++) {
      String group = Objects.requireNonNull(groups.get(g), "group");
      if (group.isEmpty()) {
        throw new RadioFormatException("group " + (g + 1) + " is empty", 1);
      }
      out.wordGap();
      for (int i = 0; i < group.length(); i++) {
        char c = group.charAt(i);
        if (c < '0' || c > '9') {
          throw new RadioFormatException(
              String.format(
                  "group %d (\"%s\") has %s at column %d where a digit belongs",
                  g + 1, group, describe(String.valueOf(c)), i + 1),
              i + 1);
        }
        out.digit(c - '0');
      }
    }
    return out.toString();
  }

  /**
   * Reads Morse back into digit groups using the configured figure keying.
   *
   * @param morse the written Morse form of digit groups
   * @return the groups in order
   * @throws RadioFormatException if a pattern is no figure or two word gaps enclose an empty
   *     group; the column is the 1-based index in {@code morse}
   */
  public List<String> decodeGroups(String morse) throws RadioFormatException {
    Objects.requireNonNull(morse, "morse");
    List<String> fast = tables().decodeGroups(morse);
    return fast != null ? fast : decodeGroupsGeneral(morse);
  }

  /** {@link #decodeGroups} by tokens, for every input: errors, gaps at the ends. */
  List<String> decodeGroupsGeneral(String morse) throws RadioFormatException {
    List<String> groups = new ArrayList<>();
    for (MorseTokens.Word word : MorseTokens.words(MorseTokens.of(morse))) {
      if (word.isEmpty()) {
        throw new RadioFormatException(
            "group " + (groups.size() + 1)
                + " is empty: two word gaps in a row, the second at column " + word.column(),
            word.column());
      }
      StringBuilder group = new StringBuilder();
      for (MorseTokens.Token token : word.tokens()) {
        Optional<Character> digit = digitKeying.digit(token.text());
        if (digit.isEmpty()) {
          throw unknownPattern(token, "figures (" + digitKeying.name().toLowerCase(Locale.ROOT)
              + " keying)");
        }
        group.append(digit.get());
      }
      groups.add(group.toString());
    }
    return List.copyOf(groups);
  }

  /** Returns the flat tables of this codec, built on first use. */
  private MorseTables tables() {
    MorseTables t = tables;
    if (t == null) {
      t = new MorseTables(alphabet, digitKeying);
      tables = t; // a benign race: two threads may build equal tables
    }
    return t;
  }

  @Override
  public String toString() {
    return "MorseCodec[" + alphabet.name() + ", " + digitKeying
        + (replacement == null ? ", strict]" : ", unknown -> " + replacement + "]");
  }

  private static RadioFormatException unknownPattern(MorseTokens.Token token, String where) {
    return new RadioFormatException(
        String.format(
            "Morse pattern %s is not in the %s", token.text(), where),
        token.column());
  }

  private static int indexOf(CharSequence text, char wanted, int from) {
    for (int i = from; i < text.length(); i++) {
      if (text.charAt(i) == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static String describe(String symbol) {
    if (symbol.length() == 1) {
      return String.format("'%s' (U+%04X)", symbol, (int) symbol.charAt(0));
    }
    return "'" + symbol + "'";
  }

  /**
   * Collects a codec's settings; {@link #build()} checks that they fit together.
   *
   * <p>Not thread-safe; use one builder per codec.
   */
  public static final class Builder {

    private MorseAlphabet alphabet = MorseAlphabet.international();
    private DigitKeying digitKeying = DigitKeying.FULL;
    private String replacement;

    private Builder() {}

    /**
     * Sets the table used for text.
     *
     * @param alphabet the table; international by default
     * @return this builder
     */
    public Builder alphabet(MorseAlphabet alphabet) {
      this.alphabet = Objects.requireNonNull(alphabet, "alphabet");
      return this;
    }

    /**
     * Sets how figures in digit groups are keyed.
     *
     * @param digitKeying full (default) or cut numbers
     * @return this builder
     */
    public Builder digitKeying(DigitKeying digitKeying) {
      this.digitKeying = Objects.requireNonNull(digitKeying, "digitKeying");
      return this;
    }

    /**
     * Makes text methods substitute a symbol for anything unknown instead of throwing.
     *
     * @param symbol a symbol of the chosen table, e.g. {@code "?"}
     * @return this builder
     */
    public Builder replaceUnknownWith(String symbol) {
      this.replacement = Objects.requireNonNull(symbol, "symbol");
      return this;
    }

    /**
     * Builds the codec.
     *
     * @return the codec
     * @throws IllegalStateException if the replacement symbol is not in the chosen table
     */
    public MorseCodec build() {
      if (replacement != null && alphabet.code(replacement).isEmpty()) {
        throw new IllegalStateException(
            "replacement '" + replacement + "' is not in the " + alphabet.name() + " table");
      }
      String canonical =
          replacement == null
              ? null
              : alphabet.symbol(alphabet.code(replacement).orElseThrow()).orElseThrow();
      return new MorseCodec(alphabet, digitKeying, canonical);
    }
  }
}
