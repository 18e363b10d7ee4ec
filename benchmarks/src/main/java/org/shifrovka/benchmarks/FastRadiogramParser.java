package org.shifrovka.benchmarks;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.shifrovka.MalformedInputException;
import org.shifrovka.telegram.Precedence;
import org.shifrovka.telegram.Radiogram;

/**
 * PROTOTYPE, not used by the library: {@link Radiogram#parseAll} as one pass over the characters,
 * to show what a rewrite of the core parser would gain. It accepts exactly what the core parser
 * accepts and returns equal radiograms; on anything it does not like it hands the whole text to
 * {@link Radiogram#parseAll}, which reports the problem with line and column (so errors cost the
 * old price, the clean path does not).
 *
 * <p>What it avoids, compared with the core parser: the regular expression {@code "\r?\n"} that
 * splits the text into line strings, the per-line {@code split(" ")} into an array, the header's
 * {@code chars().allMatch} streams, and the growth of the group list (it is sized from the
 * header's count). It creates one {@code String} per group, as the core does, because the public
 * model is a {@code List<String>}.
 */
final class FastRadiogramParser {
  private FastRadiogramParser() {}

  static List<Radiogram> parseAll(String text, String source) throws MalformedInputException {
    List<Radiogram> out = new ArrayList<>(4);
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n') { // blank line between radiograms
        i++;
        continue;
      }
      if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
        i += 2;
        continue;
      }
      // header: <nr> <groups> <day> <hhmm> <precedence> =
      int[] at = {i};
      int nr = number(text, at, 5);
      int count = number(text, at, 4);
      int day = number(text, at, 2);
      int timeStart = at[0];
      int hhmm = number(text, at, 4);
      if (nr < 0 || count < 0 || day < 1 || day > 31 || hhmm < 0 || at[0] - timeStart != 5
          || hhmm / 100 > 23 || hhmm % 100 > 59) {
        return Radiogram.parseAll(text, source);
      }
      int wordStart = at[0];
      int wordEnd = text.indexOf(' ', wordStart);
      if (wordEnd < 0 || wordEnd + 2 > n || text.charAt(wordEnd + 1) != '=') {
        return Radiogram.parseAll(text, source);
      }
      Precedence p = Precedence.ofHeaderWord(text.substring(wordStart, wordEnd));
      i = endOfLine(text, wordEnd + 2);
      if (p == null || i < 0) {
        return Radiogram.parseAll(text, source);
      }
      // group lines until a blank line or the end
      List<String> groups = new ArrayList<>(count);
      while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
        int inRow = 0;
        while (true) {
          if (i + 5 > n || ++inRow > 10) {
            return Radiogram.parseAll(text, source);
          }
          for (int k = i; k < i + 5; k++) {
            char d = text.charAt(k);
            if ((d < '0' || d > '9') && d != '?') {
              return Radiogram.parseAll(text, source);
            }
          }
          groups.add(text.substring(i, i + 5));
          i += 5;
          if (i < n && text.charAt(i) == ' ') {
            i++;
            continue;
          }
          i = endOfLine(text, i);
          if (i < 0) {
            return Radiogram.parseAll(text, source);
          }
          break;
        }
      }
      out.add(Radiogram.of(nr, count, day, LocalTime.of(hhmm / 100, hhmm % 100), p, groups));
    }
    return out;
  }

  /** Reads 1 to {@code max} digits and the space after them; returns -1 if there are none. */
  private static int number(String text, int[] at, int max) {
    int i = at[0];
    int v = 0;
    int start = i;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      v = v * 10 + text.charAt(i) - '0';
      i++;
    }
    if (i == start || i - start > max || i >= text.length() || text.charAt(i) != ' ') {
      return -1;
    }
    at[0] = i + 1;
    return v;
  }

  /** Returns the index after the line end at {@code i} (or {@code i} at the end of the text), or -1. */
  private static int endOfLine(String text, int i) {
    if (i == text.length()) {
      return i;
    }
    if (text.charAt(i) == '\n') {
      return i + 1;
    }
    if (text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
      return i + 2;
    }
    return -1;
  }
}
