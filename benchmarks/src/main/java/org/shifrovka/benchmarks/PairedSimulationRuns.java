package org.shifrovka.benchmarks;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * An A/B comparison of two builds of the simulator that the host's own variance cannot decide:
 * both builds' {@link SimulationBenchmark} run in one JVM, each loaded from its own benchmarks
 * jar by its own class loader, one run of each in turn (which goes first alternates), so a slow
 * spell of the host falls on both. Not JMH: its forks run one after the other, and on this VM a
 * run of the same work takes 30-60% longer in one minute than in the next (see the README,
 * "Reading the simulator's figures").
 *
 * <p>Prints, after {@code warm} pairs discarded, each build's mean and median run and the median
 * (with quartiles) of the ratio B/A over the pairs: below 1 means B is faster. The configuration
 * is the headline one ({@code size=sixty}, {@code split=60}, {@code loop=default}, 20,000 pad
 * sheets a link for 3,000 messages).
 *
 * <p><b>What could make it lie:</b> both simulations share one heap, so each run's garbage is
 * collected during either; the heap must hold both (the README uses {@code -Xms2g -Xmx2g}). The
 * JIT compiles each build's classes apart, as in separate JVMs. Both builds must carry this
 * benchmark's public fields and {@code build()}/{@code run()}.
 *
 * <p>From the repository root, with the other build's jar copied to {@code /tmp/before.jar}:
 *
 * <pre>
 * java -Xms2g -Xmx2g -Dio.netty.leakDetection.level=disabled -Dio.netty.allocator.type=pooled \
 *      -cp benchmarks/target/benchmarks.jar org.shifrovka.benchmarks.PairedSimulationRuns \
 *      /tmp/before.jar benchmarks/target/benchmarks.jar 0s 30
 * </pre>
 *
 * <p>Arguments: jar A, jar B, {@code spacing} ({@code 0s} or {@code 1s}), measured pairs, and
 * optionally the messages a run (3,000) and the pairs to discard (10).
 */
public final class PairedSimulationRuns {
  private PairedSimulationRuns() {}

  /**
   * Runs the pairs and prints the summary.
   *
   * @param args jar A, jar B, spacing, measured pairs[, messages a run[, pairs discarded]]
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: PairedSimulationRuns JAR-A JAR-B SPACING PAIRS [MESSAGES [WARM]]");
      System.exit(2);
    }
    String spacing = args[2];
    int pairs = Integer.parseInt(args[3]);
    int messages = args.length > 4 ? Integer.parseInt(args[4]) : 3000;
    int warm = args.length > 5 ? Integer.parseInt(args[5]) : 10;
    Object[] builds = {simulation(args[0], spacing, messages), simulation(args[1], spacing,
        messages)};
    List<Long> a = new ArrayList<>();
    List<Long> b = new ArrayList<>();
    List<Double> ratio = new ArrayList<>();
    for (int r = 0; r < warm + pairs; r++) {
      long ta;
      long tb;
      if (r % 2 == 0) {
        ta = run(builds[0]);
        tb = run(builds[1]);
      } else {
        tb = run(builds[1]);
        ta = run(builds[0]);
      }
      if (r >= warm) {
        a.add(ta);
        b.add(tb);
        ratio.add((double) tb / ta);
      }
    }
    Collections.sort(ratio);
    System.out.printf(Locale.ROOT, "A %s: %s%nB %s: %s%nB/A median %.3f (quartiles %.3f-%.3f)"
        + " over %d pairs, spacing %s, %d messages a run%n", args[0], summary(a), args[1],
        summary(b), ratio.get(ratio.size() / 2), ratio.get(ratio.size() / 4),
        ratio.get(3 * ratio.size() / 4), pairs, spacing, messages);
  }

  /** A {@link SimulationBenchmark} of the jar at {@code jar}, built (its trial set-up done). */
  private static Object simulation(String jar, String spacing, int messages) throws Exception {
    URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()},
        ClassLoader.getPlatformClassLoader());
    Class<?> c = loader.loadClass(SimulationBenchmark.class.getName());
    Object s = c.getConstructor().newInstance();
    c.getField("messages").setInt(s, messages);
    c.getField("sheets").setInt(s, Math.max(400, messages * 20 / 3)); // 20,000 for 3,000
    c.getField("loop").set(s, "default");
    c.getField("size").set(s, "sixty");
    c.getField("spacing").set(s, spacing);
    c.getField("split").set(s, "60");
    c.getMethod("build").invoke(s);
    return s;
  }

  /** Milliseconds of one run; checks it delivered every message, as the benchmark does. */
  private static long run(Object simulation) throws Exception {
    Method run = simulation.getClass().getMethod("run");
    long t0 = System.nanoTime();
    run.invoke(simulation);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    simulation.getClass().getMethod("check").invoke(simulation);
    return ms;
  }

  private static String summary(List<Long> runs) {
    List<Long> sorted = new ArrayList<>(runs);
    Collections.sort(sorted);
    double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0);
    return String.format(Locale.ROOT, "mean %.1f ms, median %d ms", mean,
        sorted.get(sorted.size() / 2));
  }
}
