package org.shifrovka.benchmarks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * PROTOTYPES, not used by the library: faster versions of the digit kernels of
 * {@link org.shifrovka.pad.Additive}, kept here to show what a change in {@code core} would gain.
 * Same contract: one digit 0-9 per byte, {@code out[i] = a[i] +/- b[i] mod 10}; results are
 * identical to the core kernels for digits 0-9 (checked in {@code AdditiveBenchmark}'s setup).
 *
 * <ul>
 *   <li>{@link #addBranchless}: the core loop with the {@code s >= 10 ? s - 10 : s} select replaced
 *       by arithmetic ({@code t = s - 10; t + (t >> 31 & 10)}), the shape C2's superword pass can
 *       turn into vector instructions.
 *   <li>{@link #addSwar}: eight digits per step in a {@code long} ("SIMD within a register"). A
 *       byte of {@code a + b} is at most 18, so nothing carries into the next byte; adding 118 to
 *       each byte sets its top bit exactly where the sum is 10 or more, and that bit, times ten, is
 *       subtracted. Subtraction first adds ten to every digit of {@code a}, so nothing borrows. It
 *       does not depend on the JIT vectorising anything.
 * </ul>
 */
final class FastAdditive {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101_0101_0101_0101L;
  private static final long HIGH = 0x8080_8080_8080_8080L;

  private FastAdditive() {}

  static void addBranchless(byte[] a, int aOff, byte[] b, int bOff, byte[] out, int outOff,
      int len) {
    for (int i = 0; i < len; i++) {
      int t = a[aOff + i] + b[bOff + i] - 10;
      out[outOff + i] = (byte) (t + (t >> 31 & 10));
    }
  }

  static void subtractBranchless(byte[] a, int aOff, byte[] b, int bOff, byte[] out, int outOff,
      int len) {
    for (int i = 0; i < len; i++) {
      int t = a[aOff + i] - b[bOff + i];
      out[outOff + i] = (byte) (t + (t >> 31 & 10));
    }
  }

  static void addSwar(byte[] a, int aOff, byte[] b, int bOff, byte[] out, int outOff, int len) {
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

  static void subtractSwar(byte[] a, int aOff, byte[] b, int bOff, byte[] out, int outOff,
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

  /** Each byte of {@code s} is 0-19; returns each byte mod 10. */
  private static long reduce(long s) {
    long ge10 = ((s + 118 * ONES) & HIGH) >>> 7; // 1 in each byte that is >= 10
    return s - (ge10 << 3) - (ge10 << 1);
  }
}
