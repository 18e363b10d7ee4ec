package org.shifrovka.transposition;

import java.util.Arrays;
import java.util.Objects;

/**
 * A columnar transposition: the text is written in rows under a key of width n, then read out
 * column by column in the order of the key's numbers. The last row may be short (an irregular
 * final row: no nulls are added), so the columns left of its end are one longer.
 *
 * <p>A key word becomes numbers by the alphabetical order of its letters, equal letters left to
 * right ({@link #ofKeyword}); a key of digits (as VIC derives them) numbers 1-9 then 0 (0 counts
 * as ten), equal digits left to right ({@link #ofDigits}). Immutable.
 */
public final class ColumnarTransposition {
  private final int[] order; // order[k] = the column read k-th
  private final String key;

  private ColumnarTransposition(int[] order, String key) {
    this.order = order;
    this.key = key;
  }

  /** Returns the transposition keyed by a word (its letters ranked alphabetically). */
  public static ColumnarTransposition ofKeyword(String keyword) {
    Objects.requireNonNull(keyword, "keyword");
    String k = keyword.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
    if (k.isEmpty()) {
      throw new IllegalArgumentException("the key is empty");
    }
    int[] ranks = new int[k.length()];
    for (int i = 0; i < k.length(); i++) {
      ranks[i] = k.charAt(i);
    }
    return new ColumnarTransposition(readingOrder(ranks), k);
  }

  /** Returns the transposition keyed by digits, 0 ranking after 9. */
  public static ColumnarTransposition ofDigits(String digits) {
    Objects.requireNonNull(digits, "digits");
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException("a digit key must be digits only: \"" + digits + "\"");
    }
    int[] ranks = new int[digits.length()];
    for (int i = 0; i < ranks.length; i++) {
      int d = digits.charAt(i) - '0';
      ranks[i] = d == 0 ? 10 : d;
    }
    return new ColumnarTransposition(readingOrder(ranks), digits);
  }

  /** Columns sorted by rank, equal ranks left to right. */
  private static int[] readingOrder(int[] ranks) {
    Integer[] cols = new Integer[ranks.length];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = i;
    }
    Arrays.sort(cols, (a, b) -> ranks[a] != ranks[b] ? Integer.compare(ranks[a], ranks[b])
        : Integer.compare(a, b));
    return Arrays.stream(cols).mapToInt(Integer::intValue).toArray();
  }

  /** Returns the key's width. */
  public int width() {
    return order.length;
  }

  /**
   * Returns the key's numbers as written over the columns, 1 to width: the column read first is
   * numbered 1.
   */
  public int[] columnNumbers() {
    int[] n = new int[order.length];
    for (int k = 0; k < order.length; k++) {
      n[order[k]] = k + 1;
    }
    return n;
  }

  /** Transposes: rows in, columns out in key order. */
  public String encipher(CharSequence text) {
    int len = text.length();
    int w = order.length;
    StringBuilder sb = new StringBuilder(len);
    for (int col : order) {
      for (int i = col; i < len; i += w) {
        sb.append(text.charAt(i));
      }
    }
    return sb.toString();
  }

  /** Undoes {@link #encipher}. */
  public String decipher(CharSequence text) {
    int len = text.length();
    int w = order.length;
    char[] out = new char[len];
    int at = 0;
    int fullRows = len / w;
    int rest = len % w;
    for (int col : order) {
      int height = fullRows + (col < rest ? 1 : 0);
      for (int r = 0; r < height; r++) {
        out[r * w + col] = text.charAt(at++);
      }
    }
    return new String(out);
  }

  @Override
  public String toString() {
    return "ColumnarTransposition[width " + order.length + "]"; // the key is a secret
  }

  /** Returns the key as given (a secret: not in {@link #toString()}). */
  public String key() {
    return key;
  }
}
