package org.shifrovka.radio;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The flat tables behind {@link MorseCodec}'s common case, built once per codec by asking its
 * {@link MorseAlphabet} and {@link DigitKeying} (so case folding, aliases and cut numbers are
 * theirs), and the loops that use them.
 *
 * <p>Writing: every {@code char} below {@link #CHAR_LIMIT} that the table keys as one symbol with
 * a pattern of at most seven elements has its pattern and a trailing space packed little-endian
 * into one {@code long}, written into a Latin-1 byte buffer with one 8-byte store ({@link Writer}).
 *
 * <p>Reading: a pattern of at most {@link #MAX_ELEMENTS} elements is read as bits (1 = dash)
 * behind a leading 1, which indexes the symbol or figure directly. The readers return
 * {@code null} for anything off the common path (an unknown or too long pattern, a malformed
 * stream, an empty group, a word gap at either end of a group stream), and the codec then takes
 * its general path, which gives the same result or the same error with the same column.
 */
final class MorseTables {
  /** Characters below this are looked up in a flat table. */
  static final int CHAR_LIMIT = 0x500;
  /** Longest pattern the readers index directly. */
  static final int MAX_ELEMENTS = 8;

  private static final VarHandle LONG =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** Packed pattern and trailing space of each character; 0 when the general path handles it. */
  private final long[] packedByChar = new long[CHAR_LIMIT];
  /** Bytes written for each character (pattern and space); 0 when the general path handles it. */
  private final byte[] widthByChar = new byte[CHAR_LIMIT];
  private final long[] packedByDigit = new long[10];
  private final byte[] widthByDigit = new byte[10];
  /** Single-character symbol of each pattern, as bits; 0 if none or longer than one char. */
  private final char[] charByBits = new char[2 << MAX_ELEMENTS];
  /** Symbols longer than one char (procedure signals), as bits; null if none. */
  private final String[] longSymbolByBits = new String[2 << MAX_ELEMENTS];
  private final char[] digitByBits = new char[2 << MAX_ELEMENTS];

  MorseTables(MorseAlphabet alphabet, DigitKeying digitKeying) {
    for (char c = 0; c < CHAR_LIMIT; c++) {
      if (c != '<' && !Character.isWhitespace(c)) {
        String code = alphabet.code(String.valueOf(c).toUpperCase(Locale.ROOT)).orElse(null);
        if (code != null && code.length() < 8) {
          packedByChar[c] = pack(code);
          widthByChar[c] = (byte) (code.length() + 1);
        }
      }
    }
    for (int d = 0; d < 10; d++) {
      String code = digitKeying.code((char) ('0' + d));
      packedByDigit[d] = pack(code);
      widthByDigit[d] = (byte) (code.length() + 1);
    }
    char[] pattern = new char[MAX_ELEMENTS];
    for (int len = 1; len <= MAX_ELEMENTS; len++) {
      for (int bits = 0; bits < (1 << len); bits++) {
        for (int k = 0; k < len; k++) {
          pattern[k] = ((bits >> (len - 1 - k)) & 1) == 1 ? '-' : '.';
        }
        String p = new String(pattern, 0, len);
        int index = (1 << len) | bits;
        String symbol = alphabet.symbol(p).orElse(null);
        if (symbol != null && symbol.length() == 1) {
          charByBits[index] = symbol.charAt(0);
        } else {
          longSymbolByBits[index] = symbol;
        }
        digitByBits[index] = digitKeying.digit(p).orElse((char) 0);
      }
    }
  }

  /** Packs a pattern of at most seven elements and a trailing space into a little-endian long. */
  private static long pack(String code) {
    long v = (long) ' ' << (8 * code.length());
    for (int k = 0; k < code.length(); k++) {
      v |= (long) code.charAt(k) << (8 * k);
    }
    return v;
  }

  /** Returns a writer sized for about {@code symbols} symbols. */
  Writer writer(int symbols) {
    return new Writer(symbols);
  }

  /**
   * A written Morse stream under construction: every symbol is written with the space after it,
   * a word gap adds {@code "/ "} behind that space, and a gap or space at the end is dropped, which
   * gives exactly one space between characters and {@link MorseCodec#WORD_GAP} between words.
   */
  final class Writer {
    private byte[] buf;
    private int len;

    private Writer(int symbols) {
      buf = new byte[symbols * 5 + 16];
    }

    /**
     * Writes the pattern of {@code c} if the flat table has it.
     *
     * @return false if it does not: the caller takes the general path for {@code c}
     */
    boolean charIfKnown(char c) {
      if (c >= CHAR_LIMIT) {
        return false;
      }
      int width = widthByChar[c];
      if (width == 0) {
        return false;
      }
      put(packedByChar[c], width);
      return true;
    }

    /** Writes the pattern of figure {@code d} (0-9) under the codec's digit keying. */
    void digit(int d) {
      put(packedByDigit[d], widthByDigit[d]);
    }

    private void put(long packed, int width) {
      if (len + 8 > buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2 + 8);
      }
      LONG.set(buf, len, packed);
      len += width;
    }

    /** Writes a pattern given as a string of dots and dashes (the general path). */
    void pattern(String code) {
      if (len + code.length() + 1 > buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2 + code.length() + 1);
      }
      for (int k = 0; k < code.length(); k++) {
        buf[len++] = (byte) code.charAt(k);
      }
      buf[len++] = ' ';
    }

    /**
     * Separates the next symbol from the last by a word gap: nothing at the start or after another
     * gap (a run of whitespace is one gap), and dropped if no symbol follows.
     */
    void wordGap() {
      if (len == 0 || buf[len - 2] == '/') {
        return;
      }
      if (len + 2 > buf.length) {
        buf = Arrays.copyOf(buf, buf.length * 2 + 2);
      }
      buf[len++] = '/';
      buf[len++] = ' ';
    }

    /** Returns true if nothing has been written. */
    boolean isEmpty() {
      return len == 0;
    }

    @Override
    public String toString() {
      int end = len >= 2 && buf[len - 2] == '/' ? len - 3 : len - 1; // patterns hold no '/'
      return end <= 0 ? "" : new String(buf, 0, end, StandardCharsets.ISO_8859_1);
    }
  }

  /**
   * Reads a written Morse text on the common path.
   *
   * @return the text as {@link MorseCodec#decode} gives it, or null to take the general path
   */
  String decodeText(String morse) {
    int n = morse.length();
    char[] out = new char[n / 2 + 16];
    int len = 0;
    int bits = 1;
    boolean wordGap = false;
    for (int i = 0; i <= n; i++) {
      char c = i < n ? morse.charAt(i) : ' ';
      if (c == '.' || c == '-') {
        bits = bits << 1 | (c == '-' ? 1 : 0);
        if (bits >= 2 << MAX_ELEMENTS) {
          return null;
        }
      } else if (c == ' ') {
        if (bits == 1) {
          if (i > 0 && i < n && morse.charAt(i - 1) == ' ') {
            return null; // two spaces are a word gap: the general path reads them
          }
          continue;
        }
        char symbol = charByBits[bits];
        String longSymbol = symbol == 0 ? longSymbolByBits[bits] : null;
        if (symbol == 0 && longSymbol == null) {
          return null;
        }
        int need = len + 1 + (longSymbol == null ? 1 : longSymbol.length());
        if (need > out.length) {
          out = Arrays.copyOf(out, out.length * 2 + need);
        }
        if (wordGap && len > 0) {
          out[len++] = ' ';
        }
        wordGap = false;
        if (longSymbol == null) {
          out[len++] = symbol;
        } else {
          longSymbol.getChars(0, longSymbol.length(), out, len);
          len += longSymbol.length();
        }
        bits = 1;
      } else if (c == '/' && bits == 1 && (i + 1 == n || morse.charAt(i + 1) == ' ')) {
        wordGap = true;
      } else {
        return null;
      }
    }
    return new String(out, 0, len);
  }

  /**
   * Reads written Morse digit groups on the common path.
   *
   * @return the groups as {@link MorseCodec#decodeGroups} gives them, or null to take the general
   *     path
   */
  List<String> decodeGroups(String morse) {
    int n = morse.length();
    List<String> groups = new ArrayList<>(n / 16 + 1);
    char[] group = new char[16];
    int len = 0;
    int bits = 1;
    for (int i = 0; i <= n; i++) {
      boolean end = i == n;
      char c = end ? ' ' : morse.charAt(i);
      if (c == '.' || c == '-') {
        bits = bits << 1 | (c == '-' ? 1 : 0);
        if (bits >= 2 << MAX_ELEMENTS) {
          return null;
        }
        continue;
      }
      if (c != ' ' && c != '/') {
        return null;
      }
      if (!end && c == ' ' && bits == 1 && i > 0 && morse.charAt(i - 1) == ' ') {
        return null; // two spaces are a word gap: the general path reads them
      }
      if (bits != 1) {
        char d = digitByBits[bits];
        if (d == 0 || len == group.length || c == '/') {
          return null; // not a figure, a long group, or a word gap touching a pattern
        }
        group[len++] = d;
        bits = 1;
      }
      if (c == '/' || end) {
        if (len == 0 || (!end && i + 1 < n && morse.charAt(i + 1) != ' ')) {
          return null; // an empty group, a gap at either end, or a gap touching a pattern
        }
        groups.add(new String(group, 0, len));
        len = 0;
      }
    }
    return List.copyOf(groups);
  }
}
