package org.shifrovka.benchmarks;

import java.util.Random;

/**
 * How steady the host is: the same work, 40 times, timed each time (not JMH). {@code memory}
 * chases pointers through a shuffled 64 MB array and allocates 100 MB, as the simulator's
 * cache-missing, allocating work does; {@code registers} runs an arithmetic loop that stays in
 * registers. On a steady machine both print the same time 40 times; the README quotes both to
 * show how much of a simulator figure's spread is the host's.
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar org.shifrovka.benchmarks.HostProbe memory}
 */
public final class HostProbe {
  private HostProbe() {}

  /**
   * Times the work and prints each round's milliseconds on one line.
   *
   * @param args {@code memory} (the default) or {@code registers}, then the rounds (40)
   */
  public static void main(String[] args) {
    boolean memory = args.length == 0 || args[0].equals("memory");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    long sink = memory ? memory(rounds) : registers(rounds);
    System.out.println("(" + sink + ")");
  }

  private static long memory(int rounds) {
    int n = 1 << 24;
    int[] next = new int[n];
    Random rnd = new Random(1);
    for (int i = 0; i < n; i++) {
      next[i] = i;
    }
    for (int i = n - 1; i > 0; i--) { // one random permutation: a chase through all of it
      int j = rnd.nextInt(i + 1);
      int t = next[i];
      next[i] = next[j];
      next[j] = t;
    }
    int p = 0;
    long s = 0;
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < 5_000_000; i++) {
        p = next[p];
        s += p;
      }
      byte[][] junk = new byte[2000][];
      for (int i = 0; i < junk.length; i++) {
        junk[i] = new byte[50_000];
      }
      s += junk[r % junk.length].length;
      System.out.print((System.nanoTime() - t0) / 1_000_000 + " ");
    }
    System.out.println();
    return s;
  }

  private static long registers(int rounds) {
    long x = 1;
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < 300_000_000; i++) {
        x = x * 6364136223846793005L + 1442695040888963407L;
        x ^= x >>> 17;
      }
      System.out.print((System.nanoTime() - t0) / 1_000_000 + " ");
    }
    System.out.println();
    return x;
  }
}
