package org.shifrovka.text;

import java.util.Locale;

/**
 * The language of a message and of the codebook that carries it.
 *
 * <p>The language decides which words stand for punctuation. Russian civil telegraphese is
 * documented (ТЧК, ЗПТ, ДВТЧ, КВЧ, СКБ, НР; period-telegraphy reference section 1.2); the
 * remaining Russian words (ТЧКЗПТ, ВПРС, ВСКЛ, ТИРЕ, ДРОБЬ, ПРЦ, ПЛЮС, РАВНО) and all English
 * words except STOP are <em>inferred</em> from common cable practice.
 */
public enum Language {
  /** Russian: punctuation as ТЧК, ЗПТ, ДВТЧ, КВЧ, СКБ and so on; "repeat" is ПВТ. */
  RUSSIAN("ru", "ТЧК", "ЗПТ", "ДВТЧ", "ТЧКЗПТ", "ВПРС", "ВСКЛ", "КВЧ", "СКБ", "ТИРЕ", "ДРОБЬ",
      "ПРЦ", "НР", "ПЛЮС", "РАВНО", "ПВТ"),
  /** English: punctuation as STOP, COMMA, COLON, QUOTE, PAREN and so on; "repeat" is REPEAT. */
  ENGLISH("en", "STOP", "COMMA", "COLON", "SEMICOLON", "QUERY", "EXCLAM", "QUOTE", "PAREN", "DASH",
      "SLASH", "PERCENT", "NUMBER", "PLUS", "EQUALS", "REPEAT");

  /** The signs written as words of their own, in this order: {@code & @ * $ ^ _ | ~}. */
  private static final String SIGNS = "&@*$^_|~";
  private static final String[] RUSSIAN_SIGNS = {
    "И", "ЭТ", "ЗВЕЗДОЧКА", "ДОЛЛАР", "ЦИРКУМФЛЕКС", "ПОДЧЕРК", "ЧЕРТА", "ТИЛЬДА"
  };
  private static final String[] ENGLISH_SIGNS = {
    "AND", "AT", "STAR", "DOLLAR", "CARET", "UNDERSCORE", "BAR", "TILDE"
  };

  private final String code;
  private final String[] punctuationWords;
  private final String repeatWord;

  Language(String code, String stop, String comma, String colon, String semicolon, String query,
      String exclamation, String quote, String paren, String dash, String slash, String percent,
      String number, String plus, String equals, String repeat) {
    this.code = code;
    this.punctuationWords = new String[] {
      stop, comma, colon, semicolon, query, exclamation, quote, paren, dash, slash, percent, number,
      plus, equals
    };
    this.repeatWord = repeat;
  }

  /** Returns the two-letter code, {@code ru} or {@code en}. */
  public String code() {
    return code;
  }

  /** Returns the word that replaces a punctuation mark in this language. */
  public String word(Punctuation mark) {
    return punctuationWords[mark.ordinal()];
  }

  /**
   * Returns the word a clerk writes for a sign that is neither punctuation nor a letter:
   * {@code &} is {@code И}/{@code AND}, {@code @} {@code ЭТ}/{@code AT}, {@code *}
   * {@code ЗВЕЗДОЧКА}/{@code STAR}, {@code $} {@code ДОЛЛАР}/{@code DOLLAR}, {@code ^}
   * {@code ЦИРКУМФЛЕКС}/{@code CARET}, {@code _} {@code ПОДЧЕРК}/{@code UNDERSCORE}, {@code |}
   * {@code ЧЕРТА}/{@code BAR}, {@code ~} {@code ТИЛЬДА}/{@code TILDE} (all inferred: the period
   * sources name no such signs). The canonical form keeps the word, so deciphering gives the word.
   *
   * @param sign a character
   * @return the word, or null if the character is no such sign
   */
  public String signWord(char sign) {
    int i = SIGNS.indexOf(sign);
    return i < 0 ? null : (this == RUSSIAN ? RUSSIAN_SIGNS : ENGLISH_SIGNS)[i];
  }

  /** Returns the word for "repeat" (ПВТ or REPEAT), used to verify names ("FILIPPOV REPEAT FILIPPOV"). */
  public String repeatWord() {
    return repeatWord;
  }

  /**
   * Returns the language for a code such as {@code ru}, {@code en}, {@code russian} (any case).
   *
   * @throws IllegalArgumentException if the code names no supported language
   */
  public static Language of(String code) {
    String c = code.trim().toLowerCase(Locale.ROOT);
    for (Language l : values()) {
      if (l.code.equals(c) || l.name().toLowerCase(Locale.ROOT).equals(c)) {
        return l;
      }
    }
    throw new IllegalArgumentException("unknown language \"" + code + "\" (expected ru or en)");
  }

  /** The punctuation marks that telegraphese writes as words. */
  public enum Punctuation {
    /** {@code .} */
    STOP,
    /** {@code ,} */
    COMMA,
    /** {@code :} */
    COLON,
    /** {@code ;} */
    SEMICOLON,
    /** {@code ?} */
    QUERY,
    /** {@code !} */
    EXCLAMATION,
    /** Any quotation mark: {@code " « » „ “ ” `} and a free-standing apostrophe. */
    QUOTE,
    /** Any bracket: {@code ( ) [ ] { } < >}. */
    PAREN,
    /** A free-standing dash or a run of dashes: {@code - – — --}. */
    DASH,
    /** {@code /} and a backslash */
    SLASH,
    /** {@code %} */
    PERCENT,
    /** {@code №} and {@code #} */
    NUMBER_SIGN,
    /** {@code +} */
    PLUS,
    /** {@code =} */
    EQUALS
  }
}
