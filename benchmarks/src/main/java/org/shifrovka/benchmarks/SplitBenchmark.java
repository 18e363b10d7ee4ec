package org.shifrovka.benchmarks;

import java.util.Arrays;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.shifrovka.MalformedInputException;
import org.shifrovka.codebook.CodeText;
import org.shifrovka.text.Telegraphese;

/**
 * <b>What it measures:</b> how {@code CipherOffice} chooses where the three parts of the 1949
 * message begin when the office splits every message into a fixed number of parts (the scenario's
 * {@code parts(3)}). {@code CipherOffice.split} is private, so {@code core} is a <em>verbatim
 * copy</em> of its fixed-parts loop, run on the message's real {@link CodeText} through the same
 * public accessors; {@code prototype} finds the same boundaries by binary search, since the
 * units' start digits increase. The JFR profile of {@code MessageBenchmark.encode} puts 16-18% of
 * the samples in this loop; this benchmark checks that figure directly.
 *
 * <p><b>What could make it lie:</b> the copy could drift from the core method (compare with
 * {@code CipherOffice.split} when it changes); the result arrays are returned, so nothing is dead;
 * the code text is a non-final field. The setup checks that both give the same boundaries for 2 to
 * 12 parts.
 */
public class SplitBenchmark extends BenchmarkBase {
  CodeText code;
  int parts = 3;

  @Setup(Level.Trial)
  public void setUp() throws MalformedInputException {
    code = Fixtures.SCENARIO.codebook().encode(Telegraphese.of(
        Fixtures.SCENARIO.codebook().language()).normalize(Fixtures.message(), Fixtures.SOURCE));
    for (int p = 2; p <= 12; p++) {
      if (!Arrays.equals(coreSplit(code, p), binarySplit(code, p))) {
        throw new IllegalStateException("the prototype split differs for " + p + " parts");
      }
    }
  }

  @Benchmark
  public int[] core() {
    return coreSplit(code, parts);
  }

  @Benchmark
  public int[] prototype() {
    return binarySplit(code, parts);
  }

  /** Copied from {@code CipherOffice.split}, the {@code parts > 0} branch (checks left out). */
  static int[] coreSplit(CodeText code, int parts) {
    int units = code.unitCount();
    int[] b = new int[parts + 1];
    b[parts] = units;
    for (int k = 1; k < parts; k++) {
      long target = (long) code.length() * k / parts;
      int best = b[k - 1] + 1;
      for (int u = best; u <= units - (parts - k); u++) {
        if (Math.abs(code.unitStartDigit(u) - target)
            < Math.abs(code.unitStartDigit(best) - target)) {
          best = u;
        }
      }
      b[k] = best;
    }
    return b;
  }

  /** The same boundaries by binary search: the first unit nearest the target (ties: the earlier). */
  static int[] binarySplit(CodeText code, int parts) {
    int units = code.unitCount();
    int[] b = new int[parts + 1];
    b[parts] = units;
    for (int k = 1; k < parts; k++) {
      long target = (long) code.length() * k / parts;
      int lo = b[k - 1] + 1;
      int hi = units - (parts - k);
      // first u in [lo, hi] whose start digit is >= target, or hi + 1 if none
      int a = lo;
      int z = hi + 1;
      while (a < z) {
        int m = (a + z) >>> 1;
        if (code.unitStartDigit(m) < target) {
          a = m + 1;
        } else {
          z = m;
        }
      }
      int best;
      if (a > hi) {
        best = hi;
      } else if (a > lo
          && Math.abs(code.unitStartDigit(a - 1) - target) <= Math.abs(code.unitStartDigit(a) - target)) {
        best = a - 1;
      } else {
        best = a;
      }
      b[k] = best;
    }
    return b;
  }
}
