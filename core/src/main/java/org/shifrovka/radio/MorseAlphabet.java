package org.shifrovka.radio;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Morse table: which dot-dash pattern keys which symbol, in one of the two tables a 1949 Soviet
 * operator used.
 *
 * <p>A symbol is a one-character string ({@code "A"}, {@code "Ж"}, {@code "7"}, {@code "?"}) or a
 * procedure signal written in angle brackets ({@code "<SK>"}): a prosign is keyed as one character
 * with no gap inside. The bracket notation and the two-letter names are the usual radio-amateur
 * convention (inferred; the sources give only the signal's meaning and pattern).
 *
 * <h2>International table</h2>
 * ITU-R M.1677 as listed in the period reference, section 4.1: letters A-Z, figures 0-9,
 * punctuation {@code . , : ? ' - / ( ) " = + @}, and the procedure signals Error {@code <HH>}
 * {@code ........}, Understood {@code <SN>} {@code ...-.}, Wait {@code <AS>} {@code .-...}, End of
 * work {@code <SK>} {@code ...-.-} and Starting signal {@code <CT>} {@code -.-.-}. The
 * invitation to transmit is the letter {@code K}. The names {@code <AR>}, {@code <BT>} and
 * {@code <KA>} are read as {@code +}, {@code =} and {@code <CT>}, whose patterns they are
 * (the radio amateurs' names; inferred).
 *
 * <h2>Russian table</h2>
 * The 1856 table of reference section 4.2: Cyrillic А-Я with Ё keyed as Е (reading back gives Е),
 * the same figures, and Russian punctuation: точка {@code ......}, запятая {@code .-.-.-},
 * {@code !} {@code --..--}, {@code :} {@code ---...}, {@code ;} {@code -.-.-.}, {@code ?}
 * {@code ..--..}, {@code "} {@code .-..-.}, {@code -} {@code -....-}. The reference marks this
 * punctuation as secondary. The break sign {@code =} ({@code -...-}) is added because the
 * documented Soviet radiogram sample uses it (inferred). The procedure signals are the
 * international patterns under Cyrillic names whose letters key the same: {@code <ХХ>},
 * {@code <СН>}, {@code <АС>}, {@code <СК>}, {@code <ЦТ>} (inferred).
 *
 * <p>Every symbol has a Latin equivalent when the reference gives one: the Latin letter of table
 * 4.2 for Cyrillic letters (Ч = Ö, Ш = CH, Ъ = Ñ, Э = É, Ю = Ü, Я = Ä), otherwise the symbol of the
 * international table with the same pattern (Russian запятая {@code .-.-.-} is the international
 * full stop).
 *
 * <p>Instances are immutable and shared; there are exactly two.
 */
public final class MorseAlphabet {

  private static final MorseAlphabet INTERNATIONAL = buildInternational();
  private static final MorseAlphabet RUSSIAN = buildRussian(INTERNATIONAL);

  private final String name;
  private final Map<String, String> codeBySymbol;
  private final Map<String, String> symbolByCode;
  private final Map<String, String> aliases;
  private final Map<String, String> latinBySymbol;

  private MorseAlphabet(
      String name,
      Map<String, String> codeBySymbol,
      Map<String, String> aliases,
      Map<String, String> latinBySymbol) {
    this.name = name;
    this.codeBySymbol = Collections.unmodifiableMap(new LinkedHashMap<>(codeBySymbol));
    Map<String, String> byCode = new LinkedHashMap<>();
    codeBySymbol.forEach(
        (symbol, code) -> {
          String previous = byCode.put(code, symbol);
          if (previous != null) {
            throw new IllegalStateException(
                name + " table keys both " + previous + " and " + symbol + " as " + code);
          }
        });
    this.symbolByCode = Collections.unmodifiableMap(byCode);
    this.aliases = Map.copyOf(aliases);
    this.latinBySymbol = Map.copyOf(latinBySymbol);
  }

  /**
   * Returns the international table (ITU-R M.1677).
   *
   * @return the shared international table
   */
  public static MorseAlphabet international() {
    return INTERNATIONAL;
  }

  /**
   * Returns the Russian table (1856) with figures and Russian punctuation.
   *
   * @return the shared Russian table
   */
  public static MorseAlphabet russian() {
    return RUSSIAN;
  }

  /**
   * Returns the table's name, {@code "international"} or {@code "Russian"}.
   *
   * @return the name used in messages
   */
  public String name() {
    return name;
  }

  /**
   * Returns every symbol of the table in table order; aliases such as Ё are not listed.
   *
   * @return an unmodifiable list of symbols
   */
  public List<String> symbols() {
    return List.copyOf(codeBySymbol.keySet());
  }

  /**
   * Returns the dot-dash pattern of a symbol.
   *
   * @param symbol an upper-case symbol, an alias (Ё) or a bracketed procedure signal
   * @return the pattern, or empty if the table has no such symbol
   */
  public Optional<String> code(String symbol) {
    String canonical = aliases.getOrDefault(symbol, symbol);
    return Optional.ofNullable(codeBySymbol.get(canonical));
  }

  /**
   * Returns the symbol a dot-dash pattern stands for.
   *
   * @param code a pattern such as {@code ".-"}
   * @return the symbol, or empty if the pattern is not in the table
   */
  public Optional<String> symbol(String code) {
    return Optional.ofNullable(symbolByCode.get(code));
  }

  /**
   * Returns the Latin equivalent of a symbol, as described in the class documentation.
   *
   * @param symbol a symbol of this table
   * @return the Latin equivalent, or empty if the symbol is unknown or has none (Russian точка
   *     {@code ......} and {@code ;})
   */
  public Optional<String> latinEquivalent(String symbol) {
    String canonical = aliases.getOrDefault(symbol, symbol);
    return Optional.ofNullable(latinBySymbol.get(canonical));
  }

  @Override
  public String toString() {
    return "MorseAlphabet[" + name + "]";
  }

  private static MorseAlphabet buildInternational() {
    Map<String, String> codes = new LinkedHashMap<>();
    String[] letters = {
      ".-", "-...", "-.-.", "-..", ".", "..-.", "--.", "....", "..", ".---", "-.-", ".-..", "--",
      "-.", "---", ".--.", "--.-", ".-.", "...", "-", "..-", "...-", ".--", "-..-", "-.--", "--.."
    };
    for (int i = 0; i < letters.length; i++) {
      codes.put(String.valueOf((char) ('A' + i)), letters[i]);
    }
    putDigits(codes);
    codes.put(".", ".-.-.-");
    codes.put(",", "--..--");
    codes.put(":", "---...");
    codes.put("?", "..--..");
    codes.put("'", ".----.");
    codes.put("-", "-....-");
    codes.put("/", "-..-.");
    codes.put("(", "-.--.");
    codes.put(")", "-.--.-");
    codes.put("\"", ".-..-.");
    codes.put("=", "-...-");
    codes.put("+", ".-.-.");
    codes.put("@", ".--.-.");
    codes.put("<HH>", "........");
    codes.put("<SN>", "...-.");
    codes.put("<AS>", ".-...");
    codes.put("<SK>", "...-.-");
    codes.put("<CT>", "-.-.-");
    Map<String, String> latin = new LinkedHashMap<>();
    codes.keySet().forEach(symbol -> latin.put(symbol, symbol));
    // the amateurs' names of prosigns that share a pattern with punctuation (inferred)
    return new MorseAlphabet("international", codes,
        Map.of("<AR>", "+", "<BT>", "=", "<KA>", "<CT>"), latin);
  }

  private static MorseAlphabet buildRussian(MorseAlphabet international) {
    // Cyrillic letter, pattern, Latin equivalent: reference section 4.2.
    String[][] letters = {
      {"А", ".-", "A"}, {"Б", "-...", "B"}, {"В", ".--", "W"}, {"Г", "--.", "G"},
      {"Д", "-..", "D"}, {"Е", ".", "E"}, {"Ж", "...-", "V"}, {"З", "--..", "Z"},
      {"И", "..", "I"}, {"Й", ".---", "J"}, {"К", "-.-", "K"}, {"Л", ".-..", "L"},
      {"М", "--", "M"}, {"Н", "-.", "N"}, {"О", "---", "O"}, {"П", ".--.", "P"},
      {"Р", ".-.", "R"}, {"С", "...", "S"}, {"Т", "-", "T"}, {"У", "..-", "U"},
      {"Ф", "..-.", "F"}, {"Х", "....", "H"}, {"Ц", "-.-.", "C"}, {"Ч", "---.", "Ö"},
      {"Ш", "----", "CH"}, {"Щ", "--.-", "Q"}, {"Ъ", "--.--", "Ñ"}, {"Ы", "-.--", "Y"},
      {"Ь", "-..-", "X"}, {"Э", "..-..", "É"}, {"Ю", "..--", "Ü"}, {"Я", ".-.-", "Ä"}
    };
    Map<String, String> codes = new LinkedHashMap<>();
    Map<String, String> latin = new LinkedHashMap<>();
    for (String[] row : letters) {
      codes.put(row[0], row[1]);
      latin.put(row[0], row[2]);
    }
    putDigits(codes);
    codes.put(".", "......");
    codes.put(",", ".-.-.-");
    codes.put("!", "--..--");
    codes.put(":", "---...");
    codes.put(";", "-.-.-.");
    codes.put("?", "..--..");
    codes.put("\"", ".-..-.");
    codes.put("-", "-....-");
    codes.put("=", "-...-");
    codes.put("<ХХ>", "........");
    codes.put("<СН>", "...-.");
    codes.put("<АС>", ".-...");
    codes.put("<СК>", "...-.-");
    codes.put("<ЦТ>", "-.-.-");
    codes.forEach(
        (symbol, code) -> {
          if (!latin.containsKey(symbol)) {
            international.symbol(code).ifPresent(equivalent -> latin.put(symbol, equivalent));
          }
        });
    return new MorseAlphabet("Russian", codes, Map.of("Ё", "Е"), latin);
  }

  private static void putDigits(Map<String, String> codes) {
    for (char digit = '0'; digit <= '9'; digit++) {
      codes.put(String.valueOf(digit), DigitKeying.FULL.code(digit));
    }
  }
}
