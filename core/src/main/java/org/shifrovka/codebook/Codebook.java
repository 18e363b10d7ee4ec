package org.shifrovka.codebook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import org.shifrovka.MalformedInputException;
import org.shifrovka.text.Language;
import org.shifrovka.text.Telegraphese;
import org.shifrovka.text.Language.Punctuation;
import org.shifrovka.text.TelegraphText;

/**
 * A 4-digit codebook: words, phrases, punctuation words, figures and special groups, each with a
 * code group from {@code 0000} to {@code 9999}, and a 2-digit {@link SpellTable} for everything
 * else.
 *
 * <p>Coding takes the longest phrase of the book that matches at each point of the text
 * ({@code NANJING GOVERNMENT} before {@code NANJING}); a word that is in no entry is spelled letter
 * by letter between SPELL and END SPELL. Figures {@code 0}-{@code 100} and the years
 * {@code 1900}-{@code 1999} have groups of their own; other numbers are spelled digit by digit.
 *
 * <p>A codebook is generated deterministically from a {@link Vocabulary}, a {@link CodebookStyle}
 * and a seed ({@link #generate}), and saved and loaded in a plain-text format ({@link #render},
 * {@link #parse}) documented in the project README.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Codebook {
  /** The number of distinct 4-digit code groups. */
  public static final int CAPACITY = 10_000;

  static final String MAGIC = "SHIFROVKA CODEBOOK 1";
  /** The value of an unreadable digit in a digit array. */
  public static final byte UNREADABLE = 10;

  private final Language language;
  private final CodebookStyle style;
  private final long seed;
  private final String[] phraseByCode; // null = unassigned; specials hold their label
  private final String[][] tokensByCode; // the phrase split into tokens, for decoding
  private final Map<String, Integer> codeByPhrase; // phrases only, not specials
  private final Map<String, Word> byWord; // a single token -> its code and the phrases it begins
  private final int[] special = new int[SpecialGroup.values().length];
  private final SpellTable spell;
  /** Made on first use from the immutable fields (a benign race, like String's hash). */
  private volatile Telegraphese normaliser;

  private Codebook(Language language, CodebookStyle style, long seed, String[] phraseByCode,
      EnumMap<SpecialGroup, Integer> specials, SpellTable spell) {
    this.language = language;
    this.style = style;
    this.seed = seed;
    this.phraseByCode = phraseByCode;
    this.spell = spell;
    for (Map.Entry<SpecialGroup, Integer> e : specials.entrySet()) {
      special[e.getKey().ordinal()] = e.getValue();
    }
    this.tokensByCode = new String[phraseByCode.length][];
    Map<String, Integer> byPhrase = new HashMap<>(phraseByCode.length * 2);
    Map<String, List<Phrase>> multi = new HashMap<>();
    for (int code = 0; code < phraseByCode.length; code++) {
      String p = phraseByCode[code];
      if (p == null || specials.containsValue(code)) {
        continue;
      }
      byPhrase.put(p, code);
      tokensByCode[code] = p.indexOf(' ') > 0 ? p.split(" ") : new String[] {p};
      if (p.indexOf(' ') > 0) {
        String[] toks = tokensByCode[code];
        multi.computeIfAbsent(toks[0], k -> new ArrayList<>()).add(new Phrase(toks, code));
      }
    }
    Map<String, Word> words = new HashMap<>(byPhrase.size() * 2);
    for (Map.Entry<String, Integer> e : byPhrase.entrySet()) {
      if (e.getKey().indexOf(' ') < 0) {
        words.put(e.getKey(), new Word(e.getValue(), null)); // the key is phraseByCode's instance
      }
    }
    for (Map.Entry<String, List<Phrase>> e : multi.entrySet()) {
      List<Phrase> l = e.getValue();
      l.sort((a, b) -> b.tokens.length - a.tokens.length);
      Word alone = words.get(e.getKey());
      words.put(e.getKey(), new Word(alone == null ? -1 : alone.code, l.toArray(new Phrase[0])));
    }
    // encode reads a paragraph mark or a paragraph number (such as "1.") before any word, so
    // such tokens must not be keys: encode looks a token up before it looks at its characters
    words.keySet().removeIf(k -> k.equals(TelegraphText.PARAGRAPH)
        || (k.length() > 1 && k.endsWith(".")));
    this.codeByPhrase = byPhrase;
    this.byWord = words;
  }

  /** Returns the entries every codebook of a language has besides its vocabulary. */
  static List<String> standardEntries(Language language) {
    List<String> out = new ArrayList<>();
    for (Punctuation p : Punctuation.values()) {
      out.add(language.word(p));
    }
    out.add(language.repeatWord());
    for (int i = 0; i <= 100; i++) {
      out.add(Integer.toString(i));
    }
    for (int y = 1900; y <= 1999; y++) {
      out.add(Integer.toString(y));
    }
    return out;
  }

  /**
   * Generates a codebook.
   *
   * @param vocabulary the words and phrases; punctuation words, the repeat word, figures and the
   *     special groups are added
   * @param style random (two-part) or alphabetical (one-part) code order
   * @param seed the seed; the same inputs always give the same book
   * @throws IllegalArgumentException if there are more entries than {@link #CAPACITY}
   */
  public static Codebook generate(Vocabulary vocabulary, CodebookStyle style, long seed) {
    Objects.requireNonNull(vocabulary, "vocabulary");
    Objects.requireNonNull(style, "style");
    Language language = vocabulary.language();
    Set<String> phrases = new LinkedHashSet<>(standardEntries(language));
    phrases.addAll(vocabulary.entries());
    int total = phrases.size() + SpecialGroup.values().length;
    if (total > CAPACITY) {
      throw new IllegalArgumentException("a 4-digit codebook holds at most " + CAPACITY
          + " groups, but the vocabulary needs " + total);
    }
    Random random = new Random(seed);
    String[] byCode = new String[CAPACITY];
    EnumMap<SpecialGroup, Integer> specials = new EnumMap<>(SpecialGroup.class);
    List<String> ordered = new ArrayList<>(phrases);
    if (style == CodebookStyle.ONE_PART) {
      Collections.sort(ordered);
      List<String> all = new ArrayList<>(total);
      for (SpecialGroup g : SpecialGroup.values()) {
        all.add(g.label());
      }
      all.addAll(ordered);
      for (int i = 0; i < all.size(); i++) {
        int code = (int) ((long) i * CAPACITY / all.size());
        byCode[code] = all.get(i);
        SpecialGroup g = SpecialGroup.ofLabel(all.get(i));
        if (g != null) {
          specials.put(g, code);
        }
      }
    } else {
      List<Integer> codes = new ArrayList<>(CAPACITY);
      for (int i = 0; i < CAPACITY; i++) {
        codes.add(i);
      }
      Collections.shuffle(codes, random);
      int at = 0;
      for (SpecialGroup g : SpecialGroup.values()) {
        int code = codes.get(at++);
        byCode[code] = g.label();
        specials.put(g, code);
      }
      for (String p : ordered) {
        byCode[codes.get(at++)] = p;
      }
    }
    return new Codebook(language, style, seed, byCode, specials,
        SpellTable.generate(style, random));
  }

  /** Returns the language of the book's entries and punctuation words. */
  public Language language() {
    return language;
  }

  /** Returns the code order. */
  public CodebookStyle style() {
    return style;
  }

  /** Returns the seed the book was generated from (informational once saved). */
  public long seed() {
    return seed;
  }

  /** Returns the spell table. */
  public SpellTable spellTable() {
    return spell;
  }

  /** Returns the number of assigned code groups, special groups included. */
  public int size() {
    int n = 0;
    for (String p : phraseByCode) {
      if (p != null) {
        n++;
      }
    }
    return n;
  }

  /** Returns the code group of a phrase in canonical form, if the book has one. */
  public OptionalInt code(String phrase) {
    Integer c = codeByPhrase.get(phrase);
    return c == null ? OptionalInt.empty() : OptionalInt.of(c);
  }

  /**
   * Returns the single words the book codes: every one-word entry and every first word of a
   * phrase, in no particular order. A normaliser given them ({@link
   * org.shifrovka.text.Telegraphese#withKnownWords}) hands out these very strings, which
   * {@link #encode} then finds without comparing characters.
   */
  public Set<String> words() {
    return Collections.unmodifiableSet(byWord.keySet());
  }

  /**
   * Returns the normaliser of the book's language that shares the book's {@link #words()}: made
   * once per book (its word table is the costly part of setting up a
   * {@link org.shifrovka.CipherOffice}), then shared by every office on this book.
   */
  public Telegraphese normaliser() {
    Telegraphese t = normaliser;
    if (t == null) {
      t = Telegraphese.of(language).withKnownWords(words());
      normaliser = t;
    }
    return t;
  }

  /** Returns the code group of a special group. */
  public int code(SpecialGroup group) {
    return special[group.ordinal()];
  }

  /**
   * Returns what a code group stands for: a phrase, or a special group's label such as
   * {@code <SPELL>}; empty if the group is unassigned.
   */
  public java.util.Optional<String> entry(int code) {
    if (code < 0 || code >= CAPACITY) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.ofNullable(phraseByCode[code]);
  }

  /** Returns the digits of the {@code <NULL>} group, which complete the last 5-digit group. */
  public byte[] fillerDigits() {
    DigitSink s = new DigitSink(4);
    s.group(special[SpecialGroup.NULL.ordinal()]);
    return s.toArray();
  }

  /** Formats a code group as four digits, {@code 0042}. */
  public static String format(int code) {
    return String.format(Locale.ROOT, "%04d", code);
  }

  // ---------------------------------------------------------------------------------------------
  // Coding

  /**
   * Codes a text.
   *
   * @throws IllegalArgumentException if the text holds a token that is neither a word nor a
   *     paragraph mark (for example a gap marker of a deciphered text)
   */
  public CodeText encode(TelegraphText text) {
    int n = text.size();
    DigitSink sink = new DigitSink(n * 5 + 16);
    int[] unitToken = new int[n + 1];
    int[] unitDigit = new int[n + 1];
    int units = 0;
    int i = 0;
    while (i < n) {
      unitToken[units] = i;
      unitDigit[units] = sink.length;
      units++;
      String t = text.token(i);
      // the look-up first: a word of the book (most tokens) needs nothing else of its string,
      // and no key is a paragraph mark or a paragraph number (see the constructor)
      Word w = byWord.get(t); // usually found by identity (CipherOffice shares words())
      int len = w == null ? t.length() : 0;
      if (len == 1 && t.charAt(0) == '\n') { // TelegraphText.PARAGRAPH
        sink.group(special[SpecialGroup.PARAGRAPH.ordinal()]);
        i++;
        continue;
      }
      if (len > 1 && t.charAt(len - 1) == '.') {
        sink.group(special[SpecialGroup.PARAGRAPH_NUMBER.ordinal()]);
        String number = t.substring(0, len - 1);
        word(number, byWord.get(number), sink);
        i++;
        continue;
      }
      if (w != null && w.longer != null) {
        Phrase matched = matchPhrase(text, i, w.longer);
        if (matched != null) {
          sink.group(matched.code);
          i += matched.tokens.length;
          continue;
        }
      }
      word(t, w, sink);
      i++;
    }
    unitToken[units] = n;
    unitDigit[units] = sink.length;
    return new CodeText(this, text, sink.buf, sink.length, unitToken, unitDigit, units);
  }

  private static Phrase matchPhrase(TelegraphText text, int at, Phrase[] candidates) {
    for (Phrase cand : candidates) {
      String[] toks = cand.tokens;
      if (at + toks.length > text.size()) {
        continue;
      }
      boolean ok = true;
      for (int k = 1; k < toks.length; k++) {
        if (!toks[k].equals(text.token(at + k))) {
          ok = false;
          break;
        }
      }
      if (ok) {
        return cand;
      }
    }
    return null;
  }

  /** A phrase of two or more words and its code group. */
  private static final class Phrase {
    final String[] tokens;
    final int code;

    Phrase(String[] tokens, int code) {
      this.tokens = tokens;
      this.code = code;
    }
  }

  /** A single token of the book: its own code (-1 if none) and the phrases it begins (or null). */
  private static final class Word {
    final int code;
    final Phrase[] longer;

    Word(int code, Phrase[] longer) {
      this.code = code;
      this.longer = longer;
    }
  }

  /** Codes one token: its group if the book has it ({@code w}), else spelled. */
  private void word(String token, Word w, DigitSink sink) {
    if (w != null && w.code >= 0) {
      sink.group(w.code);
      return;
    }
    sink.group(special[SpecialGroup.SPELL.ordinal()]);
    for (int k = 0; k < token.length(); k++) {
      char c = token.charAt(k);
      int sc = spell.codeOrMinusOne(c);
      if (sc < 0) {
        throw new IllegalArgumentException("cannot code token \"" + token
            + "\": the spell table has no code for '" + c + "'");
      }
      sink.pair(sc);
    }
    sink.pair(spell.endSpell());
  }

  /**
   * Returns the digits (one per byte, 0-9) of the preamble that opens part {@code part} of
   * {@code parts}: the {@code <PART>} group and {@code kknn}.
   *
   * @throws IllegalArgumentException unless {@code 1 <= part <= parts <= 99}
   */
  public byte[] partPreamble(int part, int parts) {
    if (part < 1 || part > 99 || parts < part || parts > 99) {
      throw new IllegalArgumentException("part " + part + " of " + parts + " (at most 99 parts)");
    }
    DigitSink s = new DigitSink(8);
    s.group(special[SpecialGroup.PART.ordinal()]);
    s.group(part * 100 + parts);
    return s.toArray();
  }

  /** Formats a slice of a digit stream the way a clerk writes it: groups and spell pairs. */
  String formatCode(byte[] digits, int from, int to) {
    StringBuilder sb = new StringBuilder((to - from) * 2);
    int p = from;
    while (p + 4 <= to) {
      int code = value(digits, p, 4);
      append(sb, digits, p, 4);
      p += 4;
      if (code == special[SpecialGroup.SPELL.ordinal()]) {
        while (p + 2 <= to) {
          append(sb, digits, p, 2);
          int sc = value(digits, p, 2);
          p += 2;
          if (sc == spell.endSpell()) {
            break;
          }
        }
      }
    }
    if (p < to) {
      append(sb, digits, p, to - p);
    }
    return sb.toString();
  }

  private static void append(StringBuilder sb, byte[] digits, int from, int len) {
    if (sb.length() > 0) {
      sb.append(' ');
    }
    for (int i = from; i < from + len; i++) {
      sb.append(digits[i] == UNREADABLE ? '?' : (char) ('0' + digits[i]));
    }
  }

  private static int value(byte[] digits, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      byte d = digits[i];
      if (d == UNREADABLE) {
        return -1;
      }
      v = v * 10 + d;
    }
    return v;
  }

  // ---------------------------------------------------------------------------------------------
  // Decoding

  /**
   * Decodes a digit stream back to text. Digits that could not be read are {@code '?'}; each run
   * of code units they spoil becomes one gap marker such as {@code [2 groups garbled]}, counting
   * the 5-digit cipher groups involved. Trailing digits too few for a group are filler.
   *
   * @param digits the stream of {@code 0}-{@code 9} and {@code ?}, as regrouped (filler included)
   * @param firstGroupNumber the number, in the telegram, of the group that holds the first digit
   *     (2 when the indicator is group 1); used in the report
   */
  public DecodedText decode(CharSequence digits, int firstGroupNumber) {
    byte[] d = new byte[digits.length()];
    for (int i = 0; i < d.length; i++) {
      char c = digits.charAt(i);
      if (c >= '0' && c <= '9') {
        d[i] = (byte) (c - '0');
      } else if (c == '?') {
        d[i] = UNREADABLE;
      } else {
        throw new IllegalArgumentException("not a digit or '?': '" + c + "' at " + i);
      }
    }
    return decode(d, d.length, firstGroupNumber);
  }

  /**
   * Decodes {@code length} digits of {@code d}, one per byte: 0-9, or {@link #UNREADABLE} for a
   * digit that could not be read. See {@link #decode(CharSequence, int)}.
   */
  public DecodedText decode(byte[] d, int length, int firstGroupNumber) {
    return new CodeReader(d, length, firstGroupNumber).read();
  }

  private final class CodeReader {
    private final byte[] d;
    private final int length;
    private final int firstGroupNumber;
    private final List<String> tokens;
    private final List<String> problems = new ArrayList<>();
    private final Set<Integer> runGroups = new LinkedHashSet<>();
    private final Set<Integer> allGarbled = new LinkedHashSet<>();
    private int part;
    private int parts;
    private boolean paragraphNumber;

    CodeReader(byte[] d, int length, int firstGroupNumber) {
      this.d = d;
      this.length = length;
      this.firstGroupNumber = firstGroupNumber;
      this.tokens = new ArrayList<>(length / 4 + 8); // about a token a code group
    }

    DecodedText read() {
      int p = 0;
      if (length >= 8 && value(d, 0, 4) == special[SpecialGroup.PART.ordinal()]) {
        int kn = value(d, 4, 4);
        if (kn < 0 || kn / 100 < 1 || kn / 100 > kn % 100) {
          problems.add("the part number after <PART> is unreadable");
          markGarbled(4, 8);
          closeRun();
        } else {
          part = kn / 100;
          parts = kn % 100;
        }
        p = 8;
      }
      while (p + 4 <= length) {
        int code = value(d, p, 4);
        int start = p;
        p += 4;
        if (code < 0) {
          markGarbled(start, p);
          continue;
        }
        String entry = phraseByCode[code];
        if (entry == null) {
          problems.add("group " + groupNumber(start) + ": code " + format(code)
              + " is not in the codebook");
          markGarbled(start, p);
          continue;
        }
        if (code == special[SpecialGroup.NULL.ordinal()]) {
          continue;
        }
        if (code == special[SpecialGroup.SPELL.ordinal()]) {
          p = readSpelled(p);
          continue;
        }
        if (code == special[SpecialGroup.PARAGRAPH.ordinal()]) {
          closeRun();
          tokens.add(TelegraphText.PARAGRAPH);
          continue;
        }
        if (code == special[SpecialGroup.PARAGRAPH_NUMBER.ordinal()]) {
          paragraphNumber = true;
          continue;
        }
        if (code == special[SpecialGroup.PART.ordinal()]) {
          problems.add("group " + groupNumber(start) + ": <PART> in the middle of the text");
          markGarbled(start, p);
          continue;
        }
        emit(tokensByCode[code]);
      }
      closeRun();
      return new DecodedText(TelegraphText.of(tokens), part, parts, allGarbled.size(),
          List.copyOf(problems));
    }

    private int readSpelled(int p) {
      StringBuilder w = new StringBuilder(16);
      int start = p;
      boolean garbled = false;
      while (true) {
        if (p + 2 > length) {
          problems.add("group " + groupNumber(start) + ": spelling runs past the end of the text");
          markGarbled(start, length);
          return length;
        }
        int sc = value(d, p, 2);
        p += 2;
        if (sc == spell.endSpell()) {
          break;
        }
        char c = sc < 0 ? 0 : spell.symbol(sc);
        if (c == 0) {
          garbled = true;
          markGarbled(p - 2, p);
          w.append('?');
        } else {
          w.append(c);
        }
      }
      if (garbled) {
        closeRun();
      }
      emit(new String[] {w.toString()});
      return p;
    }

    private void emit(String[] entry) {
      closeRun();
      if (paragraphNumber) {
        paragraphNumber = false;
        tokens.add(String.join(" ", entry) + ".");
        return;
      }
      if (entry.length == 1) {
        tokens.add(entry[0]);
      } else {
        Collections.addAll(tokens, entry);
      }
    }

    private void markGarbled(int from, int to) {
      boolean any = false;
      for (int i = from; i < to; i++) {
        if (d[i] == UNREADABLE) {
          runGroups.add(groupNumber(i));
          any = true;
        }
      }
      if (!any) {
        // a readable but meaningless code: count the groups it sits in
        for (int i = from; i < to; i++) {
          runGroups.add(groupNumber(i));
        }
      }
    }

    private void closeRun() {
      if (!runGroups.isEmpty()) {
        int n = runGroups.size();
        tokens.add("[" + n + (n == 1 ? " group" : " groups") + " garbled]");
        allGarbled.addAll(runGroups);
        runGroups.clear();
      }
    }

    private int groupNumber(int digit) {
      return firstGroupNumber + digit / 5;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // File format

  /**
   * Renders the book in its file format: a header, the code groups in code order, then the spell
   * table.
   *
   * <pre>
   * SHIFROVKA CODEBOOK 1
   * language en
   * style two-part
   * seed 1949
   *
   * [groups]
   * 0003 NANJING GOVERNMENT
   * 0017 &lt;SPELL&gt;
   * ...
   * [spell]
   * 07 A
   * 63 &lt;END SPELL&gt;
   * </pre>
   */
  public String render() {
    StringBuilder sb = new StringBuilder(CAPACITY * 12);
    sb.append(MAGIC).append('\n');
    sb.append("language ").append(language.code()).append('\n');
    sb.append("style ").append(style.label()).append('\n');
    sb.append("seed ").append(seed).append('\n');
    sb.append('\n').append("[groups]").append('\n');
    for (int code = 0; code < CAPACITY; code++) {
      if (phraseByCode[code] != null) {
        sb.append(format(code)).append(' ').append(phraseByCode[code]).append('\n');
      }
    }
    sb.append('\n').append("[spell]").append('\n');
    for (int code = 0; code < 100; code++) {
      char c = spell.symbol(code);
      if (c != 0) {
        sb.append(code < 10 ? "0" : "").append(code).append(' ').append(c).append('\n');
      } else if (code == spell.endSpell()) {
        sb.append(code < 10 ? "0" : "").append(code).append(" <END SPELL>\n");
      }
    }
    return sb.toString();
  }

  /**
   * Reads a codebook file: strict UTF-8, named in error messages as given.
   *
   * @param file the file
   * @throws MalformedInputException naming the file, line and column of the first problem
   * @throws java.io.IOException if it cannot be read
   */
  public static Codebook read(java.nio.file.Path file) throws java.io.IOException,
      MalformedInputException {
    return parse(org.shifrovka.internal.StrictUtf8.decode(java.nio.file.Files.readAllBytes(file),
        file.toString()), file.toString());
  }

  /**
   * Reads a codebook file.
   *
   * @param text the file contents
   * @param source the file name, for error messages
   * @throws MalformedInputException naming the line and column of the first problem: a malformed
   *     line, a duplicate code, a duplicate phrase, a missing special group or spell symbol
   */
  public static Codebook parse(String text, String source) throws MalformedInputException {
    return CodebookFile.parse(text, source);
  }

  static Codebook assemble(Language language, CodebookStyle style, long seed, String[] byCode,
      EnumMap<SpecialGroup, Integer> specials, SpellTable spell) {
    return new Codebook(language, style, seed, byCode, specials, spell);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Codebook)) {
      return false;
    }
    Codebook other = (Codebook) o;
    return language == other.language && style == other.style
        && Arrays.equals(phraseByCode, other.phraseByCode) && spell.equals(other.spell);
  }

  @Override
  public int hashCode() {
    return Objects.hash(language, style, Arrays.hashCode(phraseByCode), spell);
  }

  @Override
  public String toString() {
    return "Codebook[" + language.code() + ", " + style.label() + ", " + size() + " groups]";
  }

  /** A growable digit buffer. */
  static final class DigitSink {
    byte[] buf;
    int length;

    DigitSink(int capacity) {
      buf = new byte[Math.max(8, capacity)];
    }

    void group(int code) {
      ensure(4);
      buf[length] = (byte) (code / 1000);
      buf[length + 1] = (byte) (code / 100 % 10);
      buf[length + 2] = (byte) (code / 10 % 10);
      buf[length + 3] = (byte) (code % 10);
      length += 4;
    }

    void pair(int code) {
      ensure(2);
      buf[length] = (byte) (code / 10);
      buf[length + 1] = (byte) (code % 10);
      length += 2;
    }

    private void ensure(int n) {
      if (length + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + n));
      }
    }

    byte[] toArray() {
      return Arrays.copyOf(buf, length);
    }
  }
}
