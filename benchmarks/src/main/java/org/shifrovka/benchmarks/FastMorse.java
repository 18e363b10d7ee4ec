package org.shifrovka.benchmarks;

import java.util.ArrayList;
import java.util.List;
import org.shifrovka.radio.MorseCodec;
import org.shifrovka.radio.RadioFormatException;

/**
 * <b>Prototype</b>, not production code: what {@link MorseCodec} would gain from flat tables. It
 * is built <i>from</i> a {@code MorseCodec} by asking the codec itself, once, for the pattern of
 * every {@code char} below U+0500 and for the symbol of every dot-dash pattern of up to 8 elements,
 * so it has the codec's table, aliases and case folding by construction. Then {@code encode} is a
 * {@code char}-indexed array look-up appending into a pre-sized {@code StringBuilder} (core does
 * {@code String.valueOf(c).toUpperCase(Locale.ROOT)}, an alias-map and a table-map look-up and an
 * {@code Optional} per character), and {@code decode} reads each pattern as bits (1 = dash, with a
 * leading 1 as length marker) into an array index, with no token objects (core builds a
 * {@code Token} record and a {@code String} per pattern, and a {@code Word} list per word).
 *
 * <p>Only the happy path is fast: anything the tables do not cover (procedure signals in
 * {@code <...>}, characters above U+04FF, malformed Morse) falls back to the core codec, which
 * throws the same exceptions with the same columns. {@link MorseBenchmark} checks in its setup that
 * the prototype gives the core's results on every input it measures.
 */
final class FastMorse {
  private static final int MAX_CHAR = 0x500;
  private static final int MAX_ELEMENTS = 8;

  private final MorseCodec core;
  private final String[] codeByChar = new String[MAX_CHAR];
  private final String[] symbolByBits = new String[1 << (MAX_ELEMENTS + 1)];
  private final String[] digitCode = new String[10];
  private final char[] digitByBits = new char[1 << (MAX_ELEMENTS + 1)];

  FastMorse(MorseCodec core) {
    this.core = core;
    for (char c = 0; c < MAX_CHAR; c++) {
      if (Character.isWhitespace(c) || c == '<') {
        continue;
      }
      try {
        String code = core.encode(String.valueOf(c));
        if (!code.isEmpty() && code.indexOf(' ') < 0) {
          codeByChar[c] = code;
        }
      } catch (RadioFormatException | RuntimeException e) {
        // not in the table: the core path will report it
      }
    }
    for (int len = 1; len <= MAX_ELEMENTS; len++) {
      for (int bits = 0; bits < (1 << len); bits++) {
        StringBuilder p = new StringBuilder(len);
        for (int k = len - 1; k >= 0; k--) {
          p.append(((bits >> k) & 1) == 1 ? '-' : '.');
        }
        int index = (1 << len) | bits;
        try {
          String s = core.decode(p.toString());
          if (s.length() == 1 || s.startsWith("<")) {
            symbolByBits[index] = s;
          }
        } catch (RadioFormatException | RuntimeException e) {
          // no such pattern
        }
        try {
          List<String> g = core.decodeGroups(p.toString());
          if (g.size() == 1 && g.get(0).length() == 1) {
            digitByBits[index] = g.get(0).charAt(0);
          }
        } catch (RadioFormatException | RuntimeException e) {
          // no such figure
        }
      }
    }
    for (int d = 0; d < 10; d++) {
      try {
        digitCode[d] = core.encodeGroups(List.of(String.valueOf((char) ('0' + d))));
      } catch (RadioFormatException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  String encode(CharSequence text) throws RadioFormatException {
    int n = text.length();
    StringBuilder out = new StringBuilder(n * 6);
    boolean pendingGap = false;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        pendingGap = out.length() > 0;
        continue;
      }
      String code = c < MAX_CHAR ? codeByChar[c] : null;
      if (code == null) {
        return core.encode(text); // procedure signal or error: the core path
      }
      if (out.length() > 0) {
        out.append(pendingGap ? MorseCodec.WORD_GAP : " ");
      }
      out.append(code);
      pendingGap = false;
    }
    return out.toString();
  }

  String decode(String morse) throws RadioFormatException {
    int n = morse.length();
    StringBuilder out = new StringBuilder(n / 3 + 1);
    int bits = 1;
    boolean wordPending = false;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? morse.charAt(i) : ' ';
      if (c == '.' || c == '-') {
        if (bits >= 1 << MAX_ELEMENTS) {
          return core.decode(morse);
        }
        bits = (bits << 1) | (c == '-' ? 1 : 0);
      } else if (c == ' ' || c == '/') {
        if (bits != 1) {
          String s = symbolByBits[bits];
          if (s == null) {
            return core.decode(morse);
          }
          if (wordPending && out.length() > 0) {
            out.append(' ');
          }
          wordPending = false;
          out.append(s);
          bits = 1;
        }
        if (c == '/') {
          wordPending = true;
        }
      } else {
        return core.decode(morse);
      }
    }
    return out.toString();
  }

  String encodeGroups(List<String> groups) throws RadioFormatException {
    StringBuilder out = new StringBuilder(groups.size() * 32);
    for (int g = 0; g < groups.size(); g++) {
      String group = groups.get(g);
      if (group.isEmpty()) {
        return core.encodeGroups(groups);
      }
      if (g > 0) {
        out.append(MorseCodec.WORD_GAP);
      }
      for (int i = 0; i < group.length(); i++) {
        int d = group.charAt(i) - '0';
        if (d < 0 || d > 9) {
          return core.encodeGroups(groups);
        }
        if (i > 0) {
          out.append(' ');
        }
        out.append(digitCode[d]);
      }
    }
    return out.toString();
  }

  List<String> decodeGroups(String morse) throws RadioFormatException {
    int n = morse.length();
    List<String> groups = new ArrayList<>(n / 25 + 1);
    char[] group = new char[16];
    int len = 0;
    int bits = 1;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? morse.charAt(i) : '/';
      if (c == '.' || c == '-') {
        if (bits >= 1 << MAX_ELEMENTS) {
          return core.decodeGroups(morse);
        }
        bits = (bits << 1) | (c == '-' ? 1 : 0);
      } else if (c == ' ' || c == '/') {
        if (bits != 1) {
          char d = digitByBits[bits];
          if (d == 0 || len == group.length) {
            return core.decodeGroups(morse);
          }
          group[len++] = d;
          bits = 1;
        }
        if (c == '/') {
          if (len == 0) {
            return core.decodeGroups(morse); // an empty group (or no input): as core does
          }
          groups.add(new String(group, 0, len));
          len = 0;
        }
      } else {
        return core.decodeGroups(morse);
      }
    }
    return List.copyOf(groups);
  }
}
