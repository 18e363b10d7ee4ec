package org.shifrovka.checkerboard;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;
import org.shifrovka.MalformedInputException;

/**
 * A straddling checkerboard: a top row of ten cells headed by the column digits, some of them left
 * blank, and one further row of ten cells for each blank, headed by that blank's column digit. A
 * letter in the top row is its column digit; a letter of a lower row is the row's digit and then
 * its column digit. No code of one digit begins a code of two, so the digit stream reads back
 * without separators.
 *
 * <p>Two cells are not letters: {@link #FIGURE_SHIFT} ({@code /}) and {@link #FULL_STOP}
 * ({@code .}). A number is sent as the figure shift, each of its digits written three times, and
 * the figure shift again (this project's convention; see the package documentation of the
 * project's history notes). The figure shift must not stand in the column of its own row's
 * digit, so its two digits differ and never begin a tripled digit.
 *
 * <p>The layout is given as text ({@link Builder#topRow}, {@link Builder#rows}); the two standard
 * layouts are {@link #english()} and {@link #russian()}, and {@link #keyed} mixes the alphabet by
 * a keyword. Whitespace in a message is not sent; any other character the board lacks is refused
 * with its line and column. Immutable; the layout is a key, so {@link #toString()} does not show
 * it.
 */
public final class StraddlingCheckerboard {
  /** The cell of the figure shift. */
  public static final char FIGURE_SHIFT = '/';
  /** The cell of the full stop. */
  public static final char FULL_STOP = '.';

  private final String columnDigits;
  private final String topRow;
  private final String rows;
  /**
   * The characters on the board, sorted, and the code of each (one digit, or row and column
   * digit): a few dozen cells, so a small sorted table rather than one slot per char, which made
   * each board cost 256 KB (VIC builds a board per message).
   */
  private final char[] cells;
  private final String[] cellCodes;
  private final int[] rowDigits; // the blank columns' digits, in order
  private final char[] top = new char[10]; // by digit; 0 for a blank
  private final char[][] lower; // [row index][digit]
  private final String figureCode;
  private final Locale locale;

  private StraddlingCheckerboard(Builder b) {
    this.columnDigits = b.columnDigits;
    this.topRow = b.topRow;
    this.rows = b.rows;
    this.locale = b.locale;
    int blanks = 0;
    for (int i = 0; i < 10; i++) {
      if (topRow.charAt(i) == ' ') {
        blanks++;
      }
    }
    rowDigits = new int[blanks];
    lower = new char[blanks][10];
    TreeMap<Character, String> codes = new TreeMap<>();
    int r = 0;
    for (int i = 0; i < 10; i++) {
      int d = columnDigits.charAt(i) - '0';
      char c = topRow.charAt(i);
      if (c == ' ') {
        rowDigits[r++] = d;
      } else {
        top[d] = c;
        codes.put(c, String.valueOf((char) ('0' + d)));
      }
    }
    String fig = null;
    for (int k = 0; k < rows.length(); k++) {
      int row = k / 10;
      int d = columnDigits.charAt(k % 10) - '0';
      char c = rows.charAt(k);
      lower[row][d] = c;
      if (c != ' ') {
        String code = "" + (char) ('0' + rowDigits[row]) + (char) ('0' + d);
        codes.put(c, code);
        if (c == FIGURE_SHIFT) {
          fig = code;
        }
      }
    }
    this.figureCode = fig;
    cells = new char[codes.size()];
    cellCodes = new String[codes.size()];
    int at = 0;
    for (var e : codes.entrySet()) {
      cells[at] = e.getKey();
      cellCodes[at++] = e.getValue();
    }
  }

  /**
   * The English board of the textbooks: top row E T _ A O N _ R I S over the digits 0-9, then the
   * rest of the alphabet in order, the figure shift after Q and the full stop last:
   * <pre>
   *     0 1 2 3 4 5 6 7 8 9
   *     E T   A O N   R I S
   *  2  B C D F G H J K L M
   *  6  P Q / U V W X Y Z .
   * </pre>
   */
  public static StraddlingCheckerboard english() {
    return builder().topRow("ET AON RIS").rows("BCDFGHJKLMPQ/UVWXYZ.").build();
  }

  /**
   * The Cyrillic board of the VIC cipher as Kahn published it: the first seven letters of
   * СНЕГОПАД in the top row over the column digits 5 0 7 3 8 9 4 6 1 2 (VIC's line S), the three
   * blank columns 6, 1 and 2 labelling the rows, the other 23 letters (no Ё, Й or Ъ: written Е, И
   * and Ь) and the signs filled in column by column:
   * <pre>
   *     5 0 7 3 8 9 4 6 1 2
   *     С Н Е Г О П А
   *  6  Б Ж . К № Р Ф Ч Ы Ю
   *  1  В З , Л / Т Х Ш Ь Я
   *  2  Д И % М # У Ц Щ Э =
   * </pre>
   * {@code /} is Н/Ц (the figure shift), {@code #} Н/Т (start of text), {@code =} ПВТ (repeat)
   * and {@code %} П/Л (meaning not established).
   */
  public static StraddlingCheckerboard russian() {
    return russian("5073894612");
  }

  /**
   * Kahn's Cyrillic board of {@link #russian()} over other column digits: in VIC they are line S
   * of each message's key derivation, so the board's layout stays and its digits change.
   *
   * @param columnDigits the ten column digits, left to right (a permutation of 0-9)
   */
  public static StraddlingCheckerboard russian(String columnDigits) {
    return builder().columnDigits(columnDigits).topRow("СНЕГОПА   ")
        .rows("БЖ.К№РФЧЫЮ" + "ВЗ,Л/ТХШЬЯ" + "ДИ%М#УЦЩЭ=").locale(new Locale("ru")).build();
  }

  /**
   * A Russian board keyed by a word as {@link #keyed} makes it: three blanks, the keyword-mixed
   * alphabet of {@link #RUSSIAN_ALPHABET} (inferred layout, not a documented board).
   */
  public static StraddlingCheckerboard russianKeyed(String columnDigits, String keyword) {
    return keyed(columnDigits, keyword, 3, RUSSIAN_ALPHABET, new Locale("ru"));
  }

  /** The Russian alphabet the board carries: 31 letters (no Ё, no Ъ). */
  public static final String RUSSIAN_ALPHABET = "АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЫЬЭЮЯ";
  /** The English alphabet. */
  public static final String ENGLISH_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  /**
   * A board keyed by a word: the alphabet mixed by the keyword (its letters first, each once,
   * then the rest in order), the first {@code 10 - blanks} letters in the top row with the blanks
   * at its end, the rest in the lower rows followed by the figure shift and the full stop.
   *
   * @param columnDigits the ten column digits, left to right (a permutation of 0-9)
   * @param keyword the keyword
   * @param blanks how many rows below the top row, 2 or 3
   * @param alphabet the letters the board carries
   * @param locale the locale in which input is upper-cased
   */
  public static StraddlingCheckerboard keyed(String columnDigits, String keyword, int blanks,
      String alphabet, Locale locale) {
    StringBuilder mixed = new StringBuilder();
    for (char c : (keyword.toUpperCase(locale) + alphabet).toCharArray()) {
      if (alphabet.indexOf(c) >= 0 && mixed.indexOf(String.valueOf(c)) < 0) {
        mixed.append(c);
      }
    }
    int topLetters = 10 - blanks;
    if (mixed.length() < topLetters) {
      throw new IllegalArgumentException("the alphabet is too short for the top row");
    }
    String topRow = mixed.substring(0, topLetters) + " ".repeat(blanks);
    return builder().columnDigits(columnDigits).topRow(topRow)
        .rows(mixed.substring(topLetters) + FIGURE_SHIFT + FULL_STOP).locale(locale).build();
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the digits the board gives the character, or null if it has none. */
  public String code(char c) {
    int i = Arrays.binarySearch(cells, c);
    return i >= 0 ? cellCodes[i] : null;
  }

  /**
   * Enciphers a message into digits.
   *
   * @throws MalformedInputException naming the line and column of a character the board lacks
   */
  public String encode(String text, String source) throws MalformedInputException {
    StringBuilder out = new StringBuilder(text.length() * 2);
    String upper = text.toUpperCase(locale);
    if (upper.length() != text.length()) {
      upper = text; // a letter upper-cases to two (ß): read as typed, refused below if unknown
    }
    int line = 1;
    int col = 0;
    boolean figures = false;
    for (int i = 0; i < upper.length(); i++) {
      char c = upper.charAt(i);
      col++;
      if (c >= '0' && c <= '9') {
        if (!figures) {
          out.append(figureCode);
          figures = true;
        }
        out.append(c).append(c).append(c);
        continue;
      }
      if (figures) {
        out.append(figureCode);
        figures = false;
      }
      if (c == '\n') {
        line++;
        col = 0;
        continue;
      }
      if (Character.isWhitespace(c)) {
        continue;
      }
      if (c == 'Ё' && code(c) == null) {
        c = 'Е';
      } else if (c == 'Ъ' && code(c) == null) {
        c = 'Ь';
      } else if (c == 'Й' && code(c) == null) {
        c = 'И';
      }
      String code = c == FIGURE_SHIFT ? null : code(c);
      if (code == null) {
        throw new MalformedInputException(source, line, col, "'" + text.charAt(i) + "' (U+"
            + String.format("%04X", (int) text.charAt(i)) + ") is not on the checkerboard");
      }
      out.append(code);
    }
    if (figures) {
      out.append(figureCode);
    }
    return out.toString();
  }

  /**
   * Reads digits back into text: letters, the full stop and numbers.
   *
   * @throws IllegalArgumentException if the digits do not read (a blank cell, a broken figure
   *     passage, a code cut off at the end)
   */
  public String decode(CharSequence digits) {
    return decode(digits, false);
  }

  /**
   * Completes a digit stream of {@link #encode} to whole groups of five with filler that
   * {@link #decodeCompleted} reads as nothing: the figure shift's row digit alone (one digit
   * short), or the figure shift followed by none, one or two of its row digit (two to four
   * short). An unfinished code after the last character cannot be a letter, so the receiving
   * clerk sees where the text ends (this project's convention, inferred).
   *
   * @param digits the checkerboard's digits
   * @return the digits and the filler, a multiple of five long
   */
  public String completeGroups(CharSequence digits) {
    int fill = (5 - digits.length() % 5) % 5;
    char row = figureCode.charAt(0);
    String filler = switch (fill) {
      case 1 -> String.valueOf(row);
      case 2 -> figureCode;
      case 3 -> figureCode + row;
      case 4 -> figureCode + row + row;
      default -> "";
    };
    return digits + filler;
  }

  /**
   * Reads digits completed by {@link #completeGroups} back into text: as {@link #decode}, but an
   * unfinished code at the very end (a row digit alone, or a figure shift followed by fewer than
   * three digits) is filler and is dropped.
   *
   * @throws IllegalArgumentException if the digits do not read
   */
  public String decodeCompleted(CharSequence digits) {
    return decode(digits, true);
  }

  private String decode(CharSequence digits, boolean filler) {
    StringBuilder out = new StringBuilder(digits.length());
    int i = 0;
    int n = digits.length();
    while (i < n) {
      int d = digit(digits, i);
      char c = top[d];
      if (c != 0) {
        out.append(c);
        i++;
        continue;
      }
      int row = rowOf(d);
      if (filler && i + 1 == n) {
        break;
      }
      if (i + 1 >= n) {
        throw new IllegalArgumentException("digit " + (i + 1) + ": row digit " + d
            + " without its column at the end");
      }
      c = lower[row][digit(digits, i + 1)];
      if (c == ' ' || c == 0) {
        throw new IllegalArgumentException("digits " + (i + 1) + "-" + (i + 2) + ": cell "
            + d + digit(digits, i + 1) + " is blank");
      }
      i += 2;
      if (c != FIGURE_SHIFT) {
        out.append(c);
        continue;
      }
      // a figure passage: tripled digits up to the next figure shift
      if (filler && n - i < 3 && !(n - i == 2 && digits.charAt(i) == figureCode.charAt(0)
          && digits.charAt(i + 1) == figureCode.charAt(1))) {
        break; // the filler of completeGroups: a figure shift and fewer than three digits
      }
      while (true) {
        if (i + 1 < n && digits.charAt(i) == figureCode.charAt(0)
            && digits.charAt(i + 1) == figureCode.charAt(1)) {
          i += 2;
          break;
        }
        if (i + 2 >= n || digits.charAt(i) != digits.charAt(i + 1)
            || digits.charAt(i) != digits.charAt(i + 2)) {
          throw new IllegalArgumentException("digit " + (i + 1) + ": a figure passage must be"
              + " tripled digits closed by the figure shift " + figureCode);
        }
        out.append((char) ('0' + digit(digits, i)));
        i += 3;
      }
    }
    return out.toString();
  }

  private static int digit(CharSequence s, int i) {
    char c = s.charAt(i);
    if (c < '0' || c > '9') {
      throw new IllegalArgumentException("character " + (i + 1) + " is not a digit: '" + c + "'");
    }
    return c - '0';
  }

  private int rowOf(int d) {
    for (int r = 0; r < rowDigits.length; r++) {
      if (rowDigits[r] == d) {
        return r;
      }
    }
    throw new IllegalStateException("digit " + d + " is neither a letter nor a row");
  }

  /**
   * Returns the board as a teacher draws it: the column digits, the top row, then each lower row
   * headed by its digit. The layout is a key: this is for the walkthrough, not for logs.
   */
  public String render() {
    StringBuilder sb = new StringBuilder("   ");
    for (int i = 0; i < 10; i++) {
      sb.append(' ').append(columnDigits.charAt(i));
    }
    sb.append("\n   ");
    for (int i = 0; i < 10; i++) {
      sb.append(' ').append(topRow.charAt(i));
    }
    sb.append('\n');
    for (int r = 0; r < rowDigits.length; r++) {
      sb.append(' ').append(rowDigits[r]).append(' ');
      for (int i = 0; i < 10; i++) {
        int k = r * 10 + i;
        sb.append(' ').append(k < rows.length() ? rows.charAt(k) : ' ');
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "StraddlingCheckerboard[" + rowDigits.length + " lower rows]";
  }

  /** Builds a board; {@link #build()} checks the layout. */
  public static final class Builder {
    private String columnDigits = "0123456789";
    private String topRow;
    private String rows;
    private Locale locale = Locale.ROOT;

    private Builder() {}

    /** The ten column digits left to right, a permutation of 0-9 (default 0123456789). */
    public Builder columnDigits(String v) {
      this.columnDigits = Objects.requireNonNull(v, "columnDigits");
      return this;
    }

    /** The top row: ten characters, a space for each blank (each blank heads a lower row). */
    public Builder topRow(String v) {
      this.topRow = Objects.requireNonNull(v, "topRow");
      return this;
    }

    /** The lower rows, ten cells each, read left to right then top to bottom; may end short. */
    public Builder rows(String v) {
      this.rows = Objects.requireNonNull(v, "rows");
      return this;
    }

    /** The locale in which messages are upper-cased (default: root). */
    public Builder locale(Locale v) {
      this.locale = Objects.requireNonNull(v, "locale");
      return this;
    }

    /** Checks the layout and returns the board. */
    public StraddlingCheckerboard build() {
      if (columnDigits.length() != 10 || columnDigits.chars().distinct().count() != 10
          || !columnDigits.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("the column digits must be 0-9, each once: \""
            + columnDigits + "\"");
      }
      if (topRow == null || topRow.length() != 10) {
        throw new IllegalArgumentException("the top row must be ten cells");
      }
      int blanks = (int) topRow.chars().filter(c -> c == ' ').count();
      if (blanks < 1 || blanks > 4) {
        throw new IllegalArgumentException("the top row needs 1-4 blanks, has " + blanks);
      }
      if (rows == null || rows.length() > blanks * 10) {
        throw new IllegalArgumentException("the lower rows hold at most " + blanks * 10
            + " cells");
      }
      String all = topRow.replace(" ", "") + rows.replace(" ", "");
      char[] sorted = all.toCharArray();
      Arrays.sort(sorted);
      for (int i = 1; i < sorted.length; i++) {
        if (sorted[i] == sorted[i - 1]) {
          throw new IllegalArgumentException("'" + sorted[i] + "' is on the board twice");
        }
      }
      for (char c : all.toCharArray()) {
        if (c >= '0' && c <= '9') {
          throw new IllegalArgumentException("a digit cannot be a cell: '" + c + "'");
        }
      }
      int fig = rows.indexOf(FIGURE_SHIFT);
      if (fig < 0) {
        throw new IllegalArgumentException("the lower rows need the figure shift " + FIGURE_SHIFT);
      }
      // the figure shift's row digit is the (fig / 10)-th blank's column digit
      int seen = -1;
      int rowDigit = -1;
      for (int i = 0; i < 10; i++) {
        if (topRow.charAt(i) == ' ' && ++seen == fig / 10) {
          rowDigit = columnDigits.charAt(i);
        }
      }
      if (columnDigits.charAt(fig % 10) == rowDigit) {
        throw new IllegalArgumentException("the figure shift may not stand in the column of its"
            + " own row's digit (its code would be a doubled digit)");
      }
      return new StraddlingCheckerboard(this);
    }
  }
}
