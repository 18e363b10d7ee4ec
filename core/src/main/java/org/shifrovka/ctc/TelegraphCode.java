package org.shifrovka.ctc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.shifrovka.MalformedInputException;

/**
 * A Chinese telegraph code table: each Chinese character has a four-digit code, 0000-9999, and a
 * Chinese text travels as one code group per character.
 *
 * <p>Both tables are read from the tables derived from Unihan ({@link #unicodeVersion()}); the
 * few characters with two codes are encoded with the first and decoded from either. Whitespace in
 * a text is not sent (a Chinese telegram has no spaces); any other character the table lacks is
 * refused with its line and column, or left out if the caller asks. Instances are immutable and
 * safe for concurrent use.
 */
public final class TelegraphCode {

  /** The two standard tables. */
  public enum Table {
    /** The traditional table (Unihan {@code kTaiwanTelegraph}), as used before 1949. */
    TRADITIONAL("ctc-taiwan.txt", "kTaiwanTelegraph"),
    /** The mainland table of simplified characters (Unihan {@code kMainlandTelegraph}). */
    MAINLAND("ctc-mainland.txt", "kMainlandTelegraph");

    private final String resource;
    private final String field;

    Table(String resource, String field) {
      this.resource = resource;
      this.field = field;
    }

    /** Returns the Unihan field the table comes from. */
    public String unihanField() {
      return field;
    }
  }

  private static final Map<Table, TelegraphCode> LOADED = new java.util.EnumMap<>(Table.class);

  private final Table table;
  private final String unicodeVersion;
  /** Code point of each code 0-9999, or -1. */
  private final int[] characters;
  /** Encoding code of each character. */
  private final Map<Integer, Integer> codes;

  private TelegraphCode(Table table, String unicodeVersion, int[] characters,
      Map<Integer, Integer> codes) {
    this.table = table;
    this.unicodeVersion = unicodeVersion;
    this.characters = characters;
    this.codes = codes;
  }

  /** Returns the traditional table (Unihan {@code kTaiwanTelegraph}). */
  public static TelegraphCode traditional() {
    return of(Table.TRADITIONAL);
  }

  /** Returns the mainland table (Unihan {@code kMainlandTelegraph}). */
  public static TelegraphCode mainland() {
    return of(Table.MAINLAND);
  }

  /** Returns one of the two tables, loaded once. */
  public static TelegraphCode of(Table table) {
    Objects.requireNonNull(table, "table");
    synchronized (LOADED) {
      return LOADED.computeIfAbsent(table, TelegraphCode::load);
    }
  }

  private static TelegraphCode load(Table table) {
    int[] chars = new int[10000];
    Arrays.fill(chars, -1);
    Map<Integer, Integer> codes = new HashMap<>(16384);
    String version = null;
    try (InputStream in = TelegraphCode.class.getResourceAsStream(table.resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + table.resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("#")) {
          if (line.startsWith("# Unicode version: ")) {
            version = line.substring("# Unicode version: ".length()).split(" ")[0];
          }
          continue;
        }
        String[] f = line.split("\t");
        int code = Integer.parseInt(f[0]);
        int cp = f[1].codePointAt(0);
        chars[code] = cp;
        if (f.length < 3) {
          codes.put(cp, code);
        } else {
          codes.putIfAbsent(cp, code);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TelegraphCode(table, version, chars, Map.copyOf(codes));
  }

  /** Returns which table this is. */
  public Table table() {
    return table;
  }

  /** Returns the Unicode version of the Unihan database the table was derived from. */
  public String unicodeVersion() {
    return unicodeVersion;
  }

  /** Returns how many characters the table codes. */
  public int size() {
    return codes.size();
  }

  /** Returns the code of a character, if the table has it. */
  public OptionalInt code(int codePoint) {
    Integer c = codes.get(codePoint);
    return c == null ? OptionalInt.empty() : OptionalInt.of(c);
  }

  /** Returns the character (a code point) of a code 0-9999, if the code is assigned. */
  public OptionalInt character(int code) {
    if (code < 0 || code > 9999 || characters[code] < 0) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(characters[code]);
  }

  /**
   * Encodes a Chinese text, refusing any character the table lacks.
   *
   * @param text the text; whitespace is not sent
   * @param source what to call the text in an error (a file name)
   * @return the codes, one per character
   * @throws MalformedInputException naming the line and column of the first character the table
   *     lacks, or if the text has no character at all
   */
  public int[] encode(String text, String source) throws MalformedInputException {
    return encode(text, source, false);
  }

  /**
   * Encodes a Chinese text.
   *
   * @param text the text; whitespace is not sent
   * @param source what to call the text in an error
   * @param dropUnknown true to leave out the characters the table lacks instead of refusing them
   * @return the codes, one per character
   * @throws MalformedInputException naming the line and column of the first character the table
   *     lacks (unless dropped), or if nothing is left to send
   */
  public int[] encode(String text, String source, boolean dropUnknown)
      throws MalformedInputException {
    int[] out = new int[text.length()];
    int n = 0;
    int line = 1;
    int col = 1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\n') {
        line++;
        col = 1;
        continue;
      }
      if (!Character.isWhitespace(cp) && cp != '\uFEFF') {
        Integer c = codes.get(cp);
        if (c != null) {
          out[n++] = c;
        } else if (!dropUnknown) {
          throw new MalformedInputException(source, line, col, "'" + new String(
              Character.toChars(cp)) + "' (U+" + String.format("%04X", cp) + ") is not in the "
              + tableName() + " Chinese telegraph code");
        }
      }
      col++;
    }
    if (n == 0) {
      throw new MalformedInputException(source, 0, 0, "the text has no character to send");
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * Decodes codes back into text.
   *
   * @throws IllegalArgumentException if a code is not assigned in this table
   */
  public String decode(int[] codes) {
    StringBuilder sb = new StringBuilder(codes.length);
    for (int i = 0; i < codes.length; i++) {
      OptionalInt cp = character(codes[i]);
      if (cp.isEmpty()) {
        throw new IllegalArgumentException("group " + (i + 1) + ": code "
            + formatGroup(codes[i]) + " is not assigned in the " + tableName() + " table");
      }
      sb.appendCodePoint(cp.getAsInt());
    }
    return sb.toString();
  }

  /**
   * Reads code groups (four digits each, separated by whitespace) and decodes them.
   *
   * @throws MalformedInputException naming the line and column of a group that is not four
   *     digits or not assigned in this table
   */
  public String decodeGroups(String groups, String source) throws MalformedInputException {
    StringBuilder sb = new StringBuilder();
    int line = 1;
    int col = 1;
    int i = 0;
    while (i < groups.length()) {
      char ch = groups.charAt(i);
      if (ch == '\n') {
        line++;
        col = 1;
        i++;
        continue;
      }
      if (Character.isWhitespace(ch) || ch == '\uFEFF') {
        col++;
        i++;
        continue;
      }
      int start = i;
      while (i < groups.length() && !Character.isWhitespace(groups.charAt(i))) {
        i++;
      }
      String g = groups.substring(start, i);
      if (g.length() != 4 || !g.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new MalformedInputException(source, line, col, "'" + g + "' is not a four-digit"
            + " telegraph code group");
      }
      OptionalInt cp = character(Integer.parseInt(g));
      if (cp.isEmpty()) {
        throw new MalformedInputException(source, line, col, "code " + g + " is not assigned in"
            + " the " + tableName() + " Chinese telegraph code");
      }
      sb.appendCodePoint(cp.getAsInt());
      col += i - start;
    }
    return sb.toString();
  }

  /** Formats codes as groups of four digits separated by spaces. */
  public static String formatGroups(int[] codes) {
    StringBuilder sb = new StringBuilder(codes.length * 5);
    for (int i = 0; i < codes.length; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(formatGroup(codes[i]));
    }
    return sb.toString();
  }

  /** Formats one code as four digits. */
  public static String formatGroup(int code) {
    return String.format("%04d", code);
  }

  private String tableName() {
    return table == Table.TRADITIONAL ? "traditional" : "mainland";
  }

  @Override
  public String toString() {
    return "TelegraphCode[" + tableName() + ", " + size() + " characters, Unicode "
        + unicodeVersion + "]";
  }
}
