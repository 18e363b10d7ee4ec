package org.shifrovka.sim.dst;

/**
 * Runs many seeds of the deterministic simulation from the command line:
 * {@code java -cp ... org.shifrovka.sim.dst.DstMain [first] [count]} (defaults 0 and 100,000).
 * Prints every failing seed with its replay command and a summary; exits 1 if any seed failed.
 */
public final class DstMain {
  private DstMain() {}

  /**
   * Runs the seeds.
   *
   * @param args the first seed and the number of seeds
   */
  public static void main(String[] args) {
    long first = args.length > 0 ? Long.parseLong(args[0]) : 0;
    long count = args.length > 1 ? Long.parseLong(args[1]) : 100_000;
    long failed = 0;
    long delivered = 0;
    long crashes = 0;
    long start = System.nanoTime();
    for (long seed = first; seed < first + count; seed++) {
      DstRun.Result r = DstRun.run(seed);
      delivered += r.delivered();
      crashes += r.crashes();
      if (!r.passed()) {
        failed++;
        System.out.println("FAIL seed " + seed + ": " + String.join("; ", r.violations()));
        System.out.println("  replay: " + r.replay());
      }
      if ((seed - first + 1) % 10_000 == 0) {
        System.out.printf("%d seeds, %d failing, %.0f s%n", seed - first + 1, failed,
            (System.nanoTime() - start) / 1e9);
      }
    }
    System.out.printf("dst: %d seeds from %d: %d failing, %d deliveries, %d crashes, %.0f s%n",
        count, first, failed, delivered, crashes, (System.nanoTime() - start) / 1e9);
    System.exit(failed == 0 ? 0 : 1);
  }
}
