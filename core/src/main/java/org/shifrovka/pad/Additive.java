package org.shifrovka.pad;

/**
 * Digit-by-digit arithmetic modulo 10 without carry, the way the cipher clerk adds the pad
 * ("гамма") to the code: {@code 8 + 6 = 4}, not {@code 14} (period-telegraphy reference 2.1).
 *
 * <p>Groups are 5-digit numbers {@code 0}-{@code 99999}; digit arrays hold one digit
 * {@code 0}-{@code 9} per byte. All methods are stateless and thread-safe.
 */
public final class Additive {
  private Additive() {}

  /** Adds two 5-digit groups digit by digit, without carry: {@code 80453 + 61209 = 41652}. */
  public static int add(int a, int b) {
    checkGroup(a);
    checkGroup(b);
    int r = 0;
    int m = 1;
    for (int i = 0; i < 5; i++) {
      int s = a % 10 + b % 10;
      r += (s >= 10 ? s - 10 : s) * m;
      a /= 10;
      b /= 10;
      m *= 10;
    }
    return r;
  }

  /** Subtracts {@code b} from {@code a} digit by digit, without borrow: {@code 41652 - 61209 = 80453}. */
  public static int subtract(int a, int b) {
    checkGroup(a);
    checkGroup(b);
    int r = 0;
    int m = 1;
    for (int i = 0; i < 5; i++) {
      int s = a % 10 - b % 10;
      r += (s < 0 ? s + 10 : s) * m;
      a /= 10;
      b /= 10;
      m *= 10;
    }
    return r;
  }

  /** Writes {@code a[i] + b[i] mod 10} to {@code out[i]} for {@code len} digits. */
  public static void add(byte[] a, int aOff, byte[] b, int bOff, byte[] out, int outOff, int len) {
    for (int i = 0; i < len; i++) {
      int s = a[aOff + i] + b[bOff + i];
      out[outOff + i] = (byte) (s >= 10 ? s - 10 : s);
    }
  }

  /** Writes {@code a[i] - b[i] mod 10} to {@code out[i]} for {@code len} digits. */
  public static void subtract(byte[] a, int aOff, byte[] b, int bOff, byte[] out, int outOff,
      int len) {
    for (int i = 0; i < len; i++) {
      int s = a[aOff + i] - b[bOff + i];
      out[outOff + i] = (byte) (s < 0 ? s + 10 : s);
    }
  }

  private static void checkGroup(int g) {
    if (g < 0 || g > 99_999) {
      throw new IllegalArgumentException("not a 5-digit group: " + g);
    }
  }
}
