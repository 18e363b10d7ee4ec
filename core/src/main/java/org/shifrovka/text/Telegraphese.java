package org.shifrovka.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.shifrovka.MalformedInputException;
import org.shifrovka.text.Language.Punctuation;

/**
 * Normalises plain Russian and English text the way a cipher clerk would write it for the code
 * clerk: the <em>canonical form</em> of a message.
 *
 * <h2>The canonical form</h2>
 *
 * <ol>
 *   <li>Letters are upper case. Latin letters with diacritics lose them ({@code É} becomes
 *       {@code E}, also when the accent is a separate combining character), letters a 1949
 *       typewriter wrote as two are two ({@code ß} SS, {@code Æ} AE, {@code Œ} OE, {@code ﬁ} FI),
 *       {@code Ł Ø Đ} are {@code L O D}, full-width forms are their ASCII characters; Cyrillic
 *       {@code Ё} becomes {@code Е}, Ukrainian and Belarusian {@code І Ї Є Ў Ґ} become
 *       {@code И И Е У Г}; {@code Й} is kept. {@link #transliterations} lists such changes.
 *   <li>A word is a run of letters and digits, with an inner hyphen or apostrophe between two of
 *       them ({@code KAI-SHEK}, {@code GOVERNMENT'S}).
 *   <li>Punctuation becomes words of the message language ({@link Language#word}): {@code .} is
 *       {@code ТЧК}/{@code STOP}, {@code ,} is {@code ЗПТ}/{@code COMMA}, every quotation mark is
 *       {@code КВЧ}/{@code QUOTE}, every bracket {@code СКБ}/{@code PAREN}, and a free-standing
 *       dash (or a run of them, such as {@code --}) is one {@code ТИРЕ}/{@code DASH};
 *       {@code < > { }} are brackets, a backslash a slash, {@code #} a number sign; the signs
 *       {@code & @ * $ ^ _ | ~} are words of their own ({@link Language#signWord}). So every
 *       printable ASCII character has a rendering.
 *   <li>A number followed by a full stop at the start of a paragraph is a paragraph number and is
 *       kept as one token, {@code 1.}.
 *   <li>An empty line separates paragraphs; a single line break is a space. In the canonical
 *       string, tokens are separated by one space and paragraphs by one empty line, so the
 *       canonical form of a canonical string is itself.
 *   <li>Optional cover names replace real names word by word ({@code СТАЛИН} to
 *       {@code ФИЛИППОВ}).
 * </ol>
 *
 * <p>What is lost, and so not restored by deciphering: letter case, diacritics, {@code Ё}, the
 * difference between opening and closing quotes or brackets, the kind of dash, the kind of
 * ellipsis (three stops), runs of spaces, single line breaks and more than one empty line. A
 * character with no rendering (an emoji, a control character, Chinese or Greek script) is by default
 * an error naming its line and column, never silently dropped; {@link #withUnknownCharacters}
 * spells it by its Unicode name or drops it instead.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Telegraphese {
  /** Characters below this have their canonical letter in {@link #LETTERS}; no others are any. */
  private static final int LETTER_LIMIT = 0x500;
  private static final char[] LETTERS = new char[LETTER_LIMIT];

  static {
    for (char c = 0; c < LETTER_LIMIT; c++) {
      LETTERS[c] = canonicalLetter(c);
    }
  }

  private final Language language;
  private final Map<String, String> coverNames;
  private final WordTable knownWords;
  private final UnknownCharacters unknown;

  private Telegraphese(Language language, Map<String, String> coverNames, WordTable knownWords,
      UnknownCharacters unknown) {
    this.language = language;
    this.coverNames = coverNames;
    this.knownWords = knownWords;
    this.unknown = unknown;
  }

  /** Returns a normaliser for a language, without cover names, refusing unknown characters. */
  public static Telegraphese of(Language language) {
    return new Telegraphese(Objects.requireNonNull(language, "language"), Map.of(),
        WordTable.EMPTY, UnknownCharacters.REFUSE);
  }

  /**
   * Returns a copy that treats characters with no rendering as {@code policy} says.
   *
   * @param policy refuse (the default), spell by Unicode name, or drop
   * @return the copy
   */
  public Telegraphese withUnknownCharacters(UnknownCharacters policy) {
    return new Telegraphese(language, coverNames, knownWords,
        Objects.requireNonNull(policy, "policy"));
  }

  /**
   * Returns what this normaliser does with characters that have no rendering.
   *
   * @return the policy
   */
  public UnknownCharacters unknownCharacters() {
    return unknown;
  }

  /**
   * Returns a copy that gives every word equal to one of {@code words} as that very
   * {@code String} instance instead of a new one. The canonical form is the same; what changes is
   * speed: no string is made per known word, and a map keyed by these instances (a codebook) finds
   * them by identity with their hash codes already computed. {@link org.shifrovka.CipherOffice}
   * passes its codebook's entries.
   *
   * @param words the words to share; entries that are not a single canonical word are never
   *     matched and do no harm
   */
  public Telegraphese withKnownWords(Collection<String> words) {
    return new Telegraphese(language, coverNames, new WordTable(List.copyOf(words)), unknown);
  }

  /**
   * Returns a copy that replaces the word {@code realName} by {@code coverName} (both are
   * normalised to upper case; each must be a single word).
   */
  public Telegraphese withCoverName(String realName, String coverName) {
    Map<String, String> m = new HashMap<>(coverNames);
    m.put(singleWord(realName), singleWord(coverName));
    return new Telegraphese(language, Map.copyOf(m), knownWords, unknown);
  }

  private static String singleWord(String w) {
    String u = w.trim().toUpperCase(Locale.ROOT);
    if (u.isEmpty() || u.chars().anyMatch(c -> !isWordChar(c) && c != '-' && c != '\'')) {
      throw new IllegalArgumentException("a cover name must be one word, got \"" + w + "\"");
    }
    return u;
  }

  /** Returns the language whose punctuation words this normaliser writes. */
  public Language language() {
    return language;
  }

  /**
   * Returns the canonical form of {@code text}.
   *
   * @param text the message as typed
   * @param source a label for error messages, such as the file name or {@code <message>}
   * @throws MalformedInputException if the text is empty or holds a character no table can carry
   */
  public TelegraphText normalize(String text, String source) throws MalformedInputException {
    Objects.requireNonNull(text, "text");
    Tokens out = new Tokens(text.length() / 4 + 16);
    char[] word = new char[32]; // the word being read, made a token by one new String(...)
    int wlen = 0;
    int line = 1;
    int col = 0;
    int newlines = 0; // line breaks since the last token; two or more make a paragraph break
    boolean previousWasDash = false;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char raw = text.charAt(i);
      col++;
      char c = letter(raw); // the common case first: no letter is a line break or a space
      if (c == 0 && raw >= '\uFF01' && raw <= '\uFF5E') {
        raw = (char) (raw - 0xFEE0); // a full-width form is its ASCII character
        c = letter(raw);
      }
      if (c == 0 && raw >= '\u0300' && raw <= '\u036F') {
        continue; // a combining accent: the letter before it loses it, as É does
      }
      String expansion = c == 0 ? expansion(raw) : null;
      if (expansion != null) { // ß, Æ, ﬁ: one character, several letters
        if (wlen == 0) {
          startToken(out, newlines);
          newlines = 0;
        }
        if (wlen + expansion.length() > word.length) {
          word = Arrays.copyOf(word, (wlen + expansion.length()) * 2);
        }
        expansion.getChars(0, expansion.length(), word, wlen);
        wlen += expansion.length();
        previousWasDash = false;
        continue;
      }
      if (c != 0) {
        if (wlen == 0) {
          startToken(out, newlines);
          newlines = 0;
        } else if (wlen == word.length) {
          word = Arrays.copyOf(word, wlen * 2);
        }
        word[wlen++] = c;
        previousWasDash = false;
        continue;
      }
      if (raw == '\r') {
        if (i + 1 < n && text.charAt(i + 1) == '\n') {
          continue;
        }
        raw = '\n';
      }
      if (raw == '\n') {
        wlen = flushWord(word, wlen, out);
        newlines++;
        line++;
        col = 0;
        previousWasDash = false;
        continue;
      }
      if (raw == ' ' || raw == '\t' || raw == '\u00A0' || raw == '\u2009' || raw == '\u202F'
          || raw == '\u3000') {
        wlen = flushWord(word, wlen, out);
        previousWasDash = false;
        continue;
      }
      char next = i + 1 < n ? text.charAt(i + 1) : ' ';
      boolean inner = wlen > 0 && letter(next) != 0;
      if ((raw == '-' || raw == '\'' || raw == '\u2019') && inner) {
        if (wlen == word.length) {
          word = Arrays.copyOf(word, wlen * 2);
        }
        word[wlen++] = raw == '-' ? '-' : '\'';
        previousWasDash = false;
        continue;
      }
      if (raw == '.' && isParagraphNumber(word, wlen, out) && (next == ' ' || next == '\t'
          || next == '\n' || next == '\r' || i + 1 == n)) {
        out.add(new String(word, 0, wlen) + ".");
        wlen = 0;
        previousWasDash = false;
        continue;
      }
      Punctuation mark = punctuation(raw);
      String sign = mark == null ? language.signWord(raw) : null;
      if (mark == null && sign == null && raw != '\u2026') {
        if (unknown == UnknownCharacters.REFUSE) {
          throw new MalformedInputException(source, line, col, describe(text, i)
              + " cannot be carried by any code or spell table");
        }
        wlen = flushWord(word, wlen, out);
        int cp = text.codePointAt(i);
        if (Character.charCount(cp) == 2) {
          i++;
        }
        if (unknown == UnknownCharacters.SPELL) {
          startToken(out, newlines);
          newlines = 0;
          for (String w : unicodeName(cp)) {
            out.add(w);
          }
        }
        previousWasDash = false;
        continue;
      }
      wlen = flushWord(word, wlen, out);
      startToken(out, newlines);
      newlines = 0;
      if (sign != null) {
        out.add(sign);
        previousWasDash = false;
      } else if (raw == '\u2026') {
        String stop = language.word(Punctuation.STOP);
        out.add(stop);
        out.add(stop);
        out.add(stop);
        previousWasDash = false;
      } else if (mark == Punctuation.DASH) {
        if (!previousWasDash) {
          out.add(language.word(mark)); // a run of dashes such as "--" is one dash
        }
        previousWasDash = true;
      } else {
        out.add(language.word(mark));
        previousWasDash = false;
      }
    }
    flushWord(word, wlen, out);
    if (out.isEmpty()) {
      throw new MalformedInputException(source, 0, 0, "the message is empty");
    }
    return TelegraphText.trusted(out.toArray());
  }

  private static void startToken(Tokens out, int newlines) {
    if (newlines >= 2 && !out.isEmpty()) {
      out.add(TelegraphText.PARAGRAPH);
    }
  }

  /** Adds the word in {@code word[0, wlen)} as a token (after cover names); returns 0. */
  private int flushWord(char[] word, int wlen, Tokens out) {
    if (wlen == 0) {
      return 0;
    }
    String w = knownWords.isEmpty() ? null : knownWords.find(word, wlen);
    if (w == null) {
      w = new String(word, 0, wlen);
    }
    if (!coverNames.isEmpty()) {
      w = coverNames.getOrDefault(w, w);
    }
    out.add(w);
    return 0;
  }

  /** The tokens read so far: a growable array (the normaliser's hot path). */
  private static final class Tokens {
    private String[] a;
    private int n;

    Tokens(int capacity) {
      a = new String[capacity];
    }

    void add(String token) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = token;
    }

    boolean isEmpty() {
      return n == 0;
    }

    String last() {
      return a[n - 1];
    }

    String[] toArray() {
      String[] copy = new String[n]; // not Arrays.copyOf, which goes through Array.newInstance
      System.arraycopy(a, 0, copy, 0, n);
      return copy;
    }
  }

  private static boolean isParagraphNumber(char[] word, int wlen, Tokens out) {
    if (wlen == 0 || wlen > 3) {
      return false;
    }
    for (int i = 0; i < wlen; i++) {
      if (word[i] < '0' || word[i] > '9') {
        return false;
      }
    }
    return out.isEmpty() || out.last().equals(TelegraphText.PARAGRAPH);
  }

  /**
   * Returns the words of a code point's Unicode name, {@code GRINNING FACE} ({@code 中} is
   * {@code CJK UNIFIED IDEOGRAPHS 4E2D}), or {@code UNICODE} and its hex digits when it has none;
   * every word is letters and digits with inner hyphens.
   */
  static List<String> unicodeName(int cp) {
    String name = Character.getName(cp);
    if (name == null || name.isEmpty()) {
      return List.of("UNICODE", String.format(Locale.ROOT, "%04X", cp));
    }
    List<String> words = new ArrayList<>();
    for (String w : name.split(" ")) {
      String clean = w.replaceAll("[^A-Z0-9-]", "").replaceAll("^-+|-+$", "")
          .replaceAll("-{2,}", "-");
      if (!clean.isEmpty()) {
        words.add(clean);
      }
    }
    return words.isEmpty() ? List.of("UNICODE", String.format(Locale.ROOT, "%04X", cp)) : words;
  }

  /**
   * Returns the letters one character stands for when it is more than one, or null: the Latin
   * ligatures and letters a typewriter of 1949 wrote as two ({@code ß} SS, {@code Æ} AE,
   * {@code Œ} OE, {@code Þ} TH, {@code Ĳ} IJ, {@code ﬁ} FI and the other ligatures).
   */
  static String expansion(char c) {
    switch (c) {
      case 'ß', 'ẞ':
        return "SS";
      case 'Æ', 'æ':
        return "AE";
      case 'Œ', 'œ':
        return "OE";
      case 'Þ', 'þ':
        return "TH";
      case 'Ĳ', 'ĳ':
        return "IJ";
      case '\uFB00':
        return "FF";
      case '\uFB01':
        return "FI";
      case '\uFB02':
        return "FL";
      case '\uFB03':
        return "FFI";
      case '\uFB04':
        return "FFL";
      case '\uFB05', '\uFB06':
        return "ST";
      default:
        return null;
    }
  }

  /**
   * Returns every place where the canonical form writes a letter otherwise than it was typed,
   * beyond upper case and Ё: Latin letters that lose a diacritic ({@code É} as {@code E}), letters
   * written as two ({@code ß} as {@code SS}), full-width and other Cyrillic letters
   * ({@code І} as {@code И}). A command line tells its user so.
   *
   * @param text the message as typed
   * @return the changes in text order
   */
  public static List<Transliteration> transliterations(String text) {
    List<Transliteration> out = new ArrayList<>();
    int line = 1;
    int col = 0;
    for (int i = 0; i < text.length(); i++) {
      char raw = text.charAt(i);
      col++;
      if (raw == '\n') {
        line++;
        col = 0;
        continue;
      }
      if (raw < 0x80) {
        continue;
      }
      char folded = raw >= '\uFF01' && raw <= '\uFF5E' ? (char) (raw - 0xFEE0) : raw;
      String sentAs = expansion(folded);
      if (sentAs == null) {
        char c = letter(folded);
        if (c == 0 || raw == 'Ё' || raw == 'ё' || (raw >= 'А' && raw <= 'я')) {
          if (raw >= '\u0300' && raw <= '\u036F') {
            out.add(new Transliteration(line, col, String.valueOf(raw), ""));
          }
          continue;
        }
        sentAs = String.valueOf(c);
      }
      out.add(new Transliteration(line, col, String.valueOf(raw), sentAs));
    }
    return out;
  }

  /**
   * A letter the canonical form writes otherwise than typed.
   *
   * @param line the 1-based line of the character
   * @param column its 1-based column
   * @param typed the character as typed
   * @param sentAs the letters sent for it; empty for a combining accent, which is left out
   */
  public record Transliteration(int line, int column, String typed, String sentAs) {}

  private static String describe(String text, int i) {
    int cp = text.codePointAt(i);
    String shown = Character.isISOControl(cp) ? "" : " '" + new String(Character.toChars(cp)) + "'";
    return String.format(Locale.ROOT, "character U+%04X%s", cp, shown);
  }

  /** Returns true if {@code c} is an upper-case letter or digit that a spell table carries. */
  static boolean isWordChar(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c >= 'А' && c <= 'Я');
  }

  /** Maps a character to its canonical upper-case letter or digit, or 0 if it is none. */
  static char letter(char c) {
    return c < LETTER_LIMIT ? LETTERS[c] : 0;
  }

  /** Computes {@link #letter} (for the table). */
  private static char canonicalLetter(char c) {
    if (c >= 'a' && c <= 'z') {
      return (char) (c - 32);
    }
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c >= 'А' && c <= 'Я')) {
      return c;
    }
    if (c >= 'а' && c <= 'я') {
      return (char) (c - 32);
    }
    if (c == 'Ё' || c == 'ё') {
      return 'Е';
    }
    switch (c) { // letters without a decomposition: their nearest Latin or Russian letter
      case 'Ł', 'ł':
        return 'L';
      case 'Ø', 'ø':
        return 'O';
      case 'Đ', 'đ', 'Ð', 'ð':
        return 'D';
      case 'ı':
        return 'I';
      case 'Ħ', 'ħ':
        return 'H';
      case 'Ŧ', 'ŧ':
        return 'T';
      case 'І', 'і', 'Ї', 'ї':
        return 'И';
      case 'Є', 'є':
        return 'Е';
      case 'Ў', 'ў':
        return 'У';
      case 'Ґ', 'ґ':
        return 'Г';
      default:
        break;
    }
    if (c >= '\u00C0' && c <= '\u024F' && c != '\u00D7' && c != '\u00F7') {
      String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
      char b = base.charAt(0);
      if (b >= 'a' && b <= 'z') {
        return (char) (b - 32);
      }
      if (b >= 'A' && b <= 'Z') {
        return b;
      }
    }
    return 0;
  }

  private static Punctuation punctuation(char c) {
    switch (c) {
      case '.':
        return Punctuation.STOP;
      case ',':
        return Punctuation.COMMA;
      case ':':
        return Punctuation.COLON;
      case ';':
        return Punctuation.SEMICOLON;
      case '?':
        return Punctuation.QUERY;
      case '!':
        return Punctuation.EXCLAMATION;
      case '"':
      case '\'':
      case '«':
      case '»':
      case '„':
      case '“':
      case '”':
      case '‘':
      case '’':
        return Punctuation.QUOTE;
      case '`':
        return Punctuation.QUOTE;
      case '(':
      case ')':
      case '[':
      case ']':
      case '{':
      case '}':
      case '<':
      case '>':
        return Punctuation.PAREN;
      case '\\':
        return Punctuation.SLASH;
      case '#':
        return Punctuation.NUMBER_SIGN;
      case '-':
      case '–':
      case '—':
        return Punctuation.DASH;
      case '/':
        return Punctuation.SLASH;
      case '%':
        return Punctuation.PERCENT;
      case '№':
        return Punctuation.NUMBER_SIGN;
      case '+':
        return Punctuation.PLUS;
      case '=':
        return Punctuation.EQUALS;
      default:
        return null;
    }
  }
}
