package org.shifrovka.cryptanalysis;

import java.util.Arrays;
import org.shifrovka.codebook.Codebook;

/**
 * Stripping the additive off a depth: two telegrams enciphered with the same key groups,
 * {@code c1 = p1 + k} and {@code c2 = p2 + k} digit by digit mod 10 without carry, give
 * {@code c1 - c2 = p1 - p2}: the key is gone, and what is left is the difference of two code
 * streams. Knowing (or guessing) one code stream then gives the other: {@code p2 = p1 - d} and
 * {@code p1 = d + p2}.
 *
 * <p>Digits are one per byte, 0-9, or {@link Codebook#UNREADABLE}; an unreadable digit on either
 * side gives an unreadable result.
 */
public final class Stripping {
  private Stripping() {}

  /**
   * Returns {@code a - b} digit by digit mod 10 over {@code len} digits.
   *
   * @throws IndexOutOfBoundsException if a range leaves its array
   */
  public static byte[] difference(byte[] a, int aFrom, byte[] b, int bFrom, int len) {
    byte[] out = new byte[len];
    for (int i = 0; i < len; i++) {
      int x = a[aFrom + i];
      int y = b[bFrom + i];
      out[i] = x == Codebook.UNREADABLE || y == Codebook.UNREADABLE ? Codebook.UNREADABLE
          : (byte) ((x - y + 10) % 10);
    }
    return out;
  }

  /** Returns {@code a - b} digit by digit mod 10; both the same length. */
  public static byte[] difference(byte[] a, byte[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("streams of " + a.length + " and " + b.length
          + " digits");
    }
    return difference(a, 0, b, 0, a.length);
  }

  /** Returns {@code a + b} digit by digit mod 10 (no carry); both the same length. */
  public static byte[] sum(byte[] a, byte[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("streams of " + a.length + " and " + b.length
          + " digits");
    }
    byte[] out = new byte[a.length];
    for (int i = 0; i < a.length; i++) {
      int x = a[i];
      int y = b[i];
      out[i] = x == Codebook.UNREADABLE || y == Codebook.UNREADABLE ? Codebook.UNREADABLE
          : (byte) ((x + y) % 10);
    }
    return out;
  }

  /**
   * Returns the other code stream of a depth: given the stripped difference {@code d = p1 - p2}
   * and {@code p1}, returns {@code p2 = p1 - d}.
   */
  public static byte[] otherStream(byte[] difference, byte[] known) {
    return difference(known, difference);
  }

  /** Returns digits as text, {@code ?} for an unreadable digit, grouped by {@code group}. */
  public static String format(byte[] digits, int group) {
    StringBuilder sb = new StringBuilder(digits.length + digits.length / group);
    for (int i = 0; i < digits.length; i++) {
      if (i > 0 && i % group == 0) {
        sb.append(' ');
      }
      sb.append(digits[i] == Codebook.UNREADABLE ? '?' : (char) ('0' + digits[i]));
    }
    return sb.toString();
  }

  /**
   * Reads a digit string ({@code 0-9} and {@code ?}; spaces are skipped) into one digit a byte.
   *
   * @throws IllegalArgumentException on any other character
   */
  public static byte[] digits(String text) {
    byte[] out = new byte[text.length()];
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ') {
        continue;
      }
      if (c == '?') {
        out[n++] = Codebook.UNREADABLE;
      } else if (c >= '0' && c <= '9') {
        out[n++] = (byte) (c - '0');
      } else {
        throw new IllegalArgumentException("not a digit: '" + c + "'");
      }
    }
    return Arrays.copyOf(out, n);
  }
}
