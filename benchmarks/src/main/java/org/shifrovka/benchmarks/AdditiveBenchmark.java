package org.shifrovka.benchmarks;

import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.shifrovka.pad.Additive;
import org.shifrovka.pad.CombineMode;

/**
 * <b>What it measures:</b> the digit kernel of the one-time pad, {@link Additive#add(byte[], int,
 * byte[], int, byte[], int, int)} and its subtraction, over three sizes: one pad sheet (60 groups =
 * 300 digits), one long telegram (about 1,250 digits) and 1 MiB of digits. The receiving side's
 * kernel, {@link CombineMode#decipher(byte[], int, byte[], int, byte[], int, int)} (which passes
 * unreadable digits through), is measured too. {@code arraycopy} moves the same number of bytes in
 * the same run: it is the bound no digit kernel can beat, and the ratio to it is the figure to
 * report. (Until commit e46f3f3 the core kernels were plain byte loops at about 1.5&times;10^9
 * digits/s; the prototypes that measured the SWAR kernel now in core lived here until then.)
 *
 * <p>Digits per second = ops/s &times; {@code digits} (the README does the multiplication).
 *
 * <p><b>What could make it lie:</b>
 *
 * <ul>
 *   <li>Dead code: each method returns the output array, so the stores are live.
 *   <li>Constant folding: the inputs are non-final fields filled with random digits in the trial
 *       setup; {@code digits} is a {@code @Param}, not a constant.
 *   <li>Data-dependent work: the kernels work eight digits at a time without branches on the
 *       digits, but {@code decipher} checks each eight for an unreadable digit (10) and takes a slow
 *       per-digit path if there is one; the inputs here have none, as a clean reception has none.
 *       The tails (fewer than eight digits) use a branch per digit, taken at random with uniform
 *       digits, which is the honest case.
 *   <li>Caches: at 300 and 1,250 digits all three arrays sit in L1, so these are compute figures;
 *       at 1 MiB (3 MiB touched) they fall to L2/L3 and the ratio to {@code arraycopy} is the
 *       memory-bound one.
 *   <li>Pads are consumed in real use; here the same pad bytes are added again and again, which
 *       costs the same as fresh ones.
 * </ul>
 */
public class AdditiveBenchmark extends BenchmarkBase {
  /** One sheet, one long telegram, 1 MiB. */
  @Param({"300", "1250", "1048576"})
  int digits;

  byte[] code;
  byte[] pad;
  byte[] out;

  @Setup(Level.Trial)
  public void setUp() {
    SplittableRandom random = new SplittableRandom(1949);
    code = new byte[digits];
    pad = new byte[digits];
    out = new byte[digits];
    for (int i = 0; i < digits; i++) {
      code[i] = (byte) random.nextInt(10);
      pad[i] = (byte) random.nextInt(10);
    }
  }

  @Benchmark
  public byte[] arraycopy() {
    System.arraycopy(code, 0, out, 0, digits);
    return out;
  }

  @Benchmark
  public byte[] add() {
    Additive.add(code, 0, pad, 0, out, 0, digits);
    return out;
  }

  @Benchmark
  public byte[] subtract() {
    Additive.subtract(code, 0, pad, 0, out, 0, digits);
    return out;
  }

  /** The receiving clerk's kernel: subtraction that lets unreadable digits (10) through. */
  @Benchmark
  public byte[] decipher() {
    CombineMode.ADDITION.decipher(code, 0, pad, 0, out, 0, digits);
    return out;
  }
}
