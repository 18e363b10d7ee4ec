package org.shifrovka.pad;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.zip.CRC32C;
import org.shifrovka.MalformedInputException;

/**
 * The text form of a pad ledger, which is written so that damage cannot pass for a ledger.
 *
 * <p>Version 3, the one written:
 *
 * <pre>
 * SHIFROVKA PAD LEDGER 3
 * # comment lines
 * pad 1949 sha256:5d1f...e0 8c2a51f0
 * 1949 1 1949-01-13T13:40:00Z 0b6ad2e1
 * 1949 2 1949-01-13T13:40:00Z 4f01c6aa
 * end 2 77c0d3a9
 * </pre>
 *
 * Every record (the pad line and one line per used sheet) ends with the CRC-32C of the rest of its
 * line, in 8 hexadecimal digits; the {@code end} line counts the sheet lines and gives the CRC-32C
 * of every byte before it. An empty file, a file cut short anywhere (no end line, or a count that
 * does not match), a changed byte (a record's or the file's check fails, or a control character
 * appears) and a file of another kind are all refused with the line and column, so that no damage
 * can make the ledger forget a used sheet.
 *
 * <p>Versions 1 and 2 (no checks) are still read, and rewritten as version 3 by the next change; a
 * version-2 ledger cut short exactly at a line end cannot be told from a whole one, which is why
 * version 3 exists.
 */
final class LedgerText {
  /** The first line of the version written. */
  static final String MAGIC = "SHIFROVKA PAD LEDGER 3";
  /** The first line of a version-2 ledger: records its pad, no checks (read only). */
  static final String MAGIC_2 = "SHIFROVKA PAD LEDGER 2";
  /** The first line of a version-1 ledger: names no pad, no checks (read; bound on first use). */
  static final String MAGIC_1 = "SHIFROVKA PAD LEDGER 1";

  private static final String DAMAGED = ": the ledger has been changed or damaged; restore it from"
      + " a copy, never start a new one for a pad that was used";

  private LedgerText() {}

  /** Renders the state as version 3. */
  static String render(LedgerState state) {
    StringBuilder sb = new StringBuilder(state.entries().size() * 50 + 256);
    sb.append(MAGIC).append('\n');
    sb.append("# The ledger of one pad: its book and digest, then the used sheets: book, sheet,\n");
    sb.append("# time of reservation (UTC). Each line ends with its CRC-32C; the end line counts\n");
    sb.append("# the sheets and checks the file. A sheet listed here is never used again.\n");
    sb.append("# Do not edit: a changed ledger is refused.\n");
    if (state.padId() != null) {
      record(sb, "pad " + state.padId() + " " + state.padDigest());
    }
    for (LedgerState.Entry e : state.entries()) {
      record(sb, e.bookId() + " " + e.sheet() + " " + e.at());
    }
    String body = sb.toString();
    return body + "end " + state.entries().size() + " " + crc(body) + "\n";
  }

  private static void record(StringBuilder sb, String line) {
    sb.append(line).append(' ').append(crc(line)).append('\n');
  }

  private static String crc(String text) {
    CRC32C c = new CRC32C();
    c.update(text.getBytes(StandardCharsets.UTF_8));
    return String.format(Locale.ROOT, "%08x", c.getValue());
  }

  /**
   * Parses a ledger of any version.
   *
   * @param source the file name, for error messages
   * @throws MalformedInputException naming the line and column, if it is not a whole ledger
   */
  static LedgerState parse(String text, String source) throws MalformedInputException {
    if (text.isBlank()) {
      throw new MalformedInputException(source, 1, 1, (text.isEmpty() ? "the file is empty"
          : "the file holds only blank space") + ", not a pad ledger (even a ledger of an unused pad"
          + " has a header and an end line)" + DAMAGED);
    }
    String[] lines = text.split("\n", -1);
    checkControlCharacters(lines, source);
    int first = 0;
    while (first < lines.length && (lines[first].isBlank() || lines[first].startsWith("#"))) {
      first++;
    }
    if (first == lines.length) {
      throw new MalformedInputException(source, 1, 1, "only comments, not a pad ledger: the first"
          + " line must be \"" + MAGIC + "\"" + DAMAGED);
    }
    String magic = stripCr(lines[first]);
    if (magic.equals(MAGIC)) {
      return parseChecked(text, lines, first, source);
    }
    if (magic.equals(MAGIC_2) || magic.equals(MAGIC_1)) {
      return parseUnchecked(lines, first, source);
    }
    throw new MalformedInputException(source, first + 1, 1,
        "not a shifrovka pad ledger: the first line must be \"" + MAGIC + "\"");
  }

  /** Refuses a control character other than the line end: a flipped bit that would hide a line. */
  private static void checkControlCharacters(String[] lines, String source)
      throws MalformedInputException {
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      for (int j = 0; j < line.length(); j++) {
        char ch = line.charAt(j);
        boolean lineEndCr = ch == '\r' && j == line.length() - 1;
        if ((Character.isISOControl(ch) && !lineEndCr) || ch == '\u2028' || ch == '\u2029') {
          throw new MalformedInputException(source, i + 1, j + 1, String.format(Locale.ROOT,
              "a control character (U+%04X) inside the ledger", (int) ch) + DAMAGED);
        }
      }
    }
  }

  private static String stripCr(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  private static LedgerState parseChecked(String text, String[] lines, int magicLine,
      String source) throws MalformedInputException {
    LedgerState state = new LedgerState();
    int offset = 0; // of the current line in text
    for (int i = 0; i <= magicLine; i++) {
      offset += lines[i].length() + 1;
    }
    for (int i = magicLine + 1; i < lines.length; i++) {
      String line = lines[i];
      int ln = i + 1;
      if (line.startsWith("#")) {
        offset += line.length() + 1;
        continue;
      }
      if (line.startsWith("end ") || line.equals("end")) {
        checkEnd(text.substring(0, offset), line, ln, state, source);
        for (int k = i + 1; k < lines.length; k++) {
          if (!lines[k].isEmpty()) {
            throw new MalformedInputException(source, k + 1, 1,
                "text after the ledger's end line" + DAMAGED);
          }
        }
        if (i + 1 == lines.length) {
          throw new MalformedInputException(source, ln, line.length() + 1,
              "the end line has no line end: the file was cut short" + DAMAGED);
        }
        return state;
      }
      if (i == lines.length - 1 && line.isEmpty()) {
        break;
      }
      int cut = line.lastIndexOf(' ');
      if (cut < 0) {
        throw new MalformedInputException(source, ln, 1, "expected a record ending in its"
            + " CRC-32C, found \"" + shorten(line) + "\"" + DAMAGED);
      }
      String body = line.substring(0, cut);
      String check = line.substring(cut + 1);
      if (!check.equals(crc(body))) {
        throw new MalformedInputException(source, ln, cut + 2, "the line does not match its"
            + " check (" + shorten(check) + ")" + DAMAGED);
      }
      record(state, body, ln, source);
      offset += line.length() + 1;
    }
    throw new MalformedInputException(source, lines.length, 1, "the ledger ends without its end"
        + " line: the file was cut short (a full disk, a copy or a crash outside shifrovka)"
        + DAMAGED);
  }

  private static void checkEnd(String before, String line, int ln, LedgerState state,
      String source) throws MalformedInputException {
    String[] f = line.split(" ", -1);
    if (f.length != 3 || !f[1].matches("[0-9]{1,9}")) {
      throw new MalformedInputException(source, ln, 1, "expected \"end <sheets> <check>\","
          + " found \"" + shorten(line) + "\"" + DAMAGED);
    }
    if (!f[2].equals(crc(before))) {
      throw new MalformedInputException(source, ln, f[0].length() + f[1].length() + 3,
          "the file does not match its check (" + shorten(f[2]) + ")" + DAMAGED);
    }
    if (Integer.parseInt(f[1]) != state.entries().size()) {
      throw new MalformedInputException(source, ln, 5, "the end line counts " + f[1]
          + " sheets, the ledger lists " + state.entries().size() + DAMAGED);
    }
  }

  private static LedgerState parseUnchecked(String[] lines, int magicLine, String source)
      throws MalformedInputException {
    LedgerState state = new LedgerState();
    for (int i = magicLine + 1; i < lines.length; i++) {
      String line = stripCr(lines[i]);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      record(state, line, i + 1, source);
    }
    return state;
  }

  /** Adds one record (a pad line or a used sheet) to the state. */
  private static void record(LedgerState state, String line, int ln, String source)
      throws MalformedInputException {
    String[] f = line.split(" ", -1);
    if (f[0].equals("pad")) {
      if (f.length != 3 || !f[2].matches("sha256:[0-9a-f]{64}") || state.padId() != null
          || !state.entries().isEmpty()) {
        throw new MalformedInputException(source, ln, 1,
            "expected one line \"pad <book> sha256:<digest>\" before the sheets, found \""
            + shorten(line) + "\"");
      }
      state.bindAsRecorded(f[1], f[2]);
      return;
    }
    if (state.padId() != null && !f[0].equals(state.padId())) {
      throw new MalformedInputException(source, ln, 1, "a sheet of book " + shorten(f[0])
          + " in the ledger of book " + state.padId());
    }
    if (f.length != 3) {
      throw new MalformedInputException(source, ln, 1,
          "expected \"<book> <sheet> <time>\", found \"" + shorten(line) + "\"");
    }
    int sheet;
    try {
      sheet = Integer.parseInt(f[1]);
    } catch (NumberFormatException e) {
      throw new MalformedInputException(source, ln, f[0].length() + 2,
          "expected a sheet number, found \"" + shorten(f[1]) + "\"");
    }
    Instant at;
    try {
      at = Instant.parse(f[2]);
    } catch (DateTimeParseException e) {
      throw new MalformedInputException(source, ln, f[0].length() + f[1].length() + 3,
          "expected a UTC time such as 1949-01-13T08:10:00Z, found \"" + shorten(f[2]) + "\"");
    }
    if (sheet < 1) {
      throw new MalformedInputException(source, ln, f[0].length() + 2,
          "sheet numbers start at 1, found " + sheet);
    }
    if (state.isUsed(f[0], sheet)) {
      throw new MalformedInputException(source, ln, 1, "sheet " + sheet + " of book " + f[0]
          + " is recorded twice");
    }
    state.add(new LedgerState.Entry(f[0], sheet, at));
  }

  /** Quotes at most 40 characters of damaged text, so that an error message stays one line. */
  private static String shorten(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
