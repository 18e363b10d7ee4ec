package org.shifrovka.pad;

import java.util.ArrayList;
import java.util.List;
import org.shifrovka.MalformedInputException;
import org.shifrovka.internal.HeaderLine;

/** Strict reader of the pad file format (see {@link PadBook}). */
final class PadBookFile {
  private PadBookFile() {}

  static PadBook parse(String text, String source) throws MalformedInputException {
    String[] lines = text.split("\r?\n", -1);
    int i = 0;
    while (i < lines.length && lines[i].isBlank()) {
      i++;
    }
    if (i >= lines.length || !lines[i].equals(PadBook.MAGIC)) {
      throw new MalformedInputException(source, Math.min(i + 1, lines.length), 1,
          "not a shifrovka pad: the first line must be \"" + PadBook.MAGIC + "\"");
    }
    i++;
    String id = null;
    int perSheet = -1;
    int declaredSheets = -1;
    String generator = null;
    List<PadSheet> sheets = new ArrayList<>();
    byte[] current = null;
    int currentNumber = 0;
    int filled = 0;
    int sheetLine = 0;
    for (; i < lines.length; i++) {
      String line = lines[i];
      int ln = i + 1;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("SHEET ")) {
        if (id == null || perSheet < 0 || generator == null) {
          throw new MalformedInputException(source, ln, 1,
              "the header must give book, groups-per-sheet and generator before the first sheet");
        }
        closeSheet(sheets, current, currentNumber, filled, perSheet, source, sheetLine);
        String num = line.substring(6);
        int n = parseInt(num, source, ln, 7, "sheet number");
        if (n != sheets.size() + 1) {
          throw new MalformedInputException(source, ln, 7, "expected SHEET " + (sheets.size() + 1)
              + ", found SHEET " + num);
        }
        current = new byte[perSheet * 5];
        currentNumber = n;
        filled = 0;
        sheetLine = ln;
        continue;
      }
      if (current == null) {
        HeaderLine h = HeaderLine.parse(line, source, ln);
        String key = h.key();
        String value = h.value();
        switch (key) {
          case "book":
            id = value;
            break;
          case "groups-per-sheet":
            perSheet = parseInt(value, source, ln, h.valueColumn(), "groups per sheet");
            if (perSheet < 2 || perSheet > 10_000) {
              throw new MalformedInputException(source, ln, h.valueColumn(),
                  "groups per sheet must be 2-10000, got " + perSheet);
            }
            break;
          case "sheets":
            declaredSheets = parseInt(value, source, ln, h.valueColumn(), "sheet count");
            break;
          case "generator":
            generator = value;
            break;
          default:
            throw new MalformedInputException(source, ln, 1, "unknown header key \"" + key
                + "\" (expected book, groups-per-sheet, sheets or generator)");
        }
        continue;
      }
      int p = 0;
      while (p < line.length()) {
        if (filled == perSheet) {
          throw new MalformedInputException(source, ln, p + 1, "sheet " + currentNumber
              + " has more than " + perSheet + " groups");
        }
        if (p + 5 > line.length() || !isGroup(line, p)
            || (p + 5 < line.length() && line.charAt(p + 5) != ' ')) {
          int end = line.indexOf(' ', p);
          String found = line.substring(p, end < 0 ? line.length() : end);
          throw new MalformedInputException(source, ln, p + 1,
              "expected a 5-digit group, found \"" + found + "\"");
        }
        for (int k = 0; k < 5; k++) {
          current[filled * 5 + k] = (byte) (line.charAt(p + k) - '0');
        }
        filled++;
        p += 6;
      }
    }
    closeSheet(sheets, current, currentNumber, filled, perSheet, source, sheetLine);
    if (sheets.isEmpty()) {
      throw new MalformedInputException(source, 0, 0, "the pad has no sheets");
    }
    if (declaredSheets >= 0 && declaredSheets != sheets.size()) {
      throw new MalformedInputException(source, 0, 0, "the header says " + declaredSheets
          + " sheets, the file has " + sheets.size());
    }
    try {
      return PadBook.of(id, sheets, generator);
    } catch (IllegalArgumentException e) {
      throw new MalformedInputException(source, 0, 0, e.getMessage());
    }
  }

  private static void closeSheet(List<PadSheet> sheets, byte[] current, int number, int filled,
      int perSheet, String source, int sheetLine) throws MalformedInputException {
    if (current == null) {
      return;
    }
    if (filled != perSheet) {
      throw new MalformedInputException(source, sheetLine, 0, "sheet " + number + " has " + filled
          + " groups, expected " + perSheet);
    }
    sheets.add(new PadSheet(number, current));
  }

  private static boolean isGroup(String line, int p) {
    for (int k = p; k < p + 5; k++) {
      char c = line.charAt(k);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int parseInt(String s, String source, int line, int col, String what)
      throws MalformedInputException {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new MalformedInputException(source, line, col, "expected a " + what + ", found \"" + s
          + "\"");
    }
  }
}
