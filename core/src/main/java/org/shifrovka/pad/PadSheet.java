package org.shifrovka.pad;

import java.util.Arrays;

/**
 * One sheet of a one-time pad: a numbered page of random 5-digit groups, 60 by default.
 *
 * <p>The first (upper-left) group is the <em>indicator</em>: it is sent in clear as the first group
 * of the telegram and tells the receiving clerk which sheet to take (reference 2.1). The other
 * groups are the key. A sheet serves one telegram only; the {@link PadLedger} sees to that.
 *
 * <p>Instances are immutable. {@link #toString()} never shows the groups.
 */
public final class PadSheet {
  private final int number;
  private final byte[] digits; // 5 per group

  PadSheet(int number, byte[] digits) {
    if (number < 1) {
      throw new IllegalArgumentException("sheet numbers start at 1, got " + number);
    }
    if (digits.length < 10 || digits.length % 5 != 0) {
      throw new IllegalArgumentException("a sheet needs at least 2 whole groups");
    }
    this.number = number;
    this.digits = digits;
  }

  /**
   * Returns a sheet with the given groups (the first is the indicator).
   *
   * @throws IllegalArgumentException if a group is outside {@code 0}-{@code 99999} or there are
   *     fewer than two
   */
  public static PadSheet of(int number, int... groups) {
    byte[] d = new byte[groups.length * 5];
    for (int i = 0; i < groups.length; i++) {
      int g = groups[i];
      if (g < 0 || g > 99_999) {
        throw new IllegalArgumentException("not a 5-digit group: " + g);
      }
      for (int k = 4; k >= 0; k--) {
        d[i * 5 + k] = (byte) (g % 10);
        g /= 10;
      }
    }
    return new PadSheet(number, d);
  }

  /** Returns the sheet number within its book, from 1. */
  public int number() {
    return number;
  }

  /** Returns the number of groups on the sheet, indicator included. */
  public int groupCount() {
    return digits.length / 5;
  }

  /** Returns the indicator group (the sheet's first group). */
  public int indicator() {
    return group(0);
  }

  /** Returns group {@code i} (0 is the indicator). */
  public int group(int i) {
    int v = 0;
    for (int k = i * 5; k < i * 5 + 5; k++) {
      v = v * 10 + digits[k];
    }
    return v;
  }

  /** Copies the key digits (all groups after the indicator) into {@code out} at {@code off}. */
  void copyKeyDigits(byte[] out, int off) {
    System.arraycopy(digits, 5, out, off, digits.length - 5);
  }

  /** Returns the number of key groups (groups after the indicator). */
  public int keyGroupCount() {
    return groupCount() - 1;
  }

  byte[] digits() {
    return digits;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PadSheet && number == ((PadSheet) o).number
        && Arrays.equals(digits, ((PadSheet) o).digits);
  }

  @Override
  public int hashCode() {
    return 31 * number + Arrays.hashCode(digits);
  }

  /** Returns the sheet number and size only; never the groups. */
  @Override
  public String toString() {
    return "PadSheet[" + number + ", " + groupCount() + " groups]";
  }
}
