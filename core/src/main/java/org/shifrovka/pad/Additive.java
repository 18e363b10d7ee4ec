package org.shifrovka.pad;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Digit-by-digit arithmetic modulo 10 without carry, the way the cipher clerk adds the pad
 * ("гамма") to the code: {@code 8 + 6 = 4}, not {@code 14} (period-telegraphy reference 2.1).
 *
 * <p>Groups are 5-digit numbers {@code 0}-{@code 99999}; digit arrays hold one digit
 * {@code 0}-{@code 9} per byte. All methods are stateless and thread-safe.
 */
public final class Additive {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101_0101_0101_0101L;
  private static final long HIGH = 0x8080_8080_8080_8080L;

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

  /**
   * Writes {@code a[i] + b[i] mod 10} to {@code out[i]} for {@code len} digits.
   *
   * <p>Eight digits at a time in a {@code long} ("SIMD within a register"): a byte of {@code a + b}
   * is at most 18, so nothing carries into the next byte, and adding 118 to every byte sets its top
   * bit exactly where the sum is 10 or more; ten times that bit is subtracted. This does not depend
   * on the JIT vectorising the loop, which C2 on Java 17 does not do for the plain form.
   */
  public static void add(byte[] a, int aOff, byte[] b, int bOff, byte[] out, int outOff, int len) {
    int i = 0;
    for (; i <= len - 8; i += 8) {
      long s = (long) LONGS.get(a, aOff + i) + (long) LONGS.get(b, bOff + i);
      LONGS.set(out, outOff + i, reduce(s));
    }
    for (; i < len; i++) {
      int s = a[aOff + i] + b[bOff + i];
      out[outOff + i] = (byte) (s >= 10 ? s - 10 : s);
    }
  }

  /** Writes {@code a[i] - b[i] mod 10} to {@code out[i]} for {@code len} digits. */
  public static void subtract(byte[] a, int aOff, byte[] b, int bOff, byte[] out, int outOff,
      int len) {
    int i = 0;
    for (; i <= len - 8; i += 8) {
      long s = (long) LONGS.get(a, aOff + i) + 10 * ONES - (long) LONGS.get(b, bOff + i);
      LONGS.set(out, outOff + i, reduce(s));
    }
    for (; i < len; i++) {
      int s = a[aOff + i] - b[bOff + i];
      out[outOff + i] = (byte) (s < 0 ? s + 10 : s);
    }
  }

  /** Each byte of {@code s} is 0-19; returns each byte modulo 10. */
  private static long reduce(long s) {
    long ge10 = ((s + 118 * ONES) & HIGH) >>> 7; // 1 in each byte that is 10 or more
    return s - (ge10 << 3) - (ge10 << 1);
  }

  /** Returns true if any of the eight bytes at {@code off} is 10 or more (an unreadable digit). */
  static boolean anyUnreadable(byte[] a, int off) {
    return ((((long) LONGS.get(a, off)) + 118 * ONES) & HIGH) != 0;
  }

  private static void checkGroup(int g) {
    if (g < 0 || g > 99_999) {
      throw new IllegalArgumentException("not a 5-digit group: " + g);
    }
  }
}
