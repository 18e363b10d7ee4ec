package org.shifrovka.sim.fault;

/**
 * Pseudo-random decisions as pure functions of their inputs: the simulator never draws from a
 * shared generator, so an outcome depends only on (seed, link, telegram, attempt, kind, what is
 * decided) and not on thread timing. SplitMix64 finalisers chain the inputs.
 */
public final class Decisions {
  /** Decides loss. */
  public static final int LOSS = 1;
  /** Decides a Gilbert-Elliott state change. */
  public static final int BURST = 2;
  /** Decides a symbol garble. */
  public static final int GARBLE = 3;
  /** Decides duplication. */
  public static final int DUPLICATE = 4;
  /** Decides reordering. */
  public static final int REORDER = 5;
  /** Draws jitter. */
  public static final int JITTER = 6;
  /** Draws the reorder or duplicate delay. */
  public static final int EXTRA_DELAY = 7;

  private Decisions() {}

  /** Mixes one value into a hash (SplitMix64). */
  public static long mix(long h, long v) {
    long z = h + 0x9E3779B97F4A7C15L + v * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Returns a uniform double in [0, 1) from a hash. */
  public static double uniform(long h) {
    return (h >>> 11) * 0x1.0p-53;
  }

  /**
   * Returns the hash of a telegram-level decision.
   *
   * @param seed the run's seed
   * @param link the link's id
   * @param origin a hash of the telegram's sender
   * @param serial the telegram's serial
   * @param attempt the attempt
   * @param kind the frame kind code
   * @param what which decision ({@link #LOSS}, ...)
   */
  public static long of(long seed, long link, int origin, int serial, int attempt, int kind,
      int what) {
    long h = mix(seed, link);
    h = mix(h, ((long) origin << 32) | (serial & 0xFFFFFFFFL));
    h = mix(h, ((long) attempt << 16) | ((long) kind << 8) | what);
    return h;
  }
}
