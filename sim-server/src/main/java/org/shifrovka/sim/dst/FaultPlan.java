package org.shifrovka.sim.dst;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The faults of one run, drawn from its seed: each directed link's delay, jitter (so reordering),
 * loss, garbles and duplicates; partitions; crashes with their downtime; clock skew.
 *
 * @param links the directed links' faults
 * @param partitions links cut for a while (both directions)
 * @param crashes stations killed and restarted
 * @param maxSkewNanos the largest clock skew of a station's incarnation, either way
 * @param fsyncNanos the longest a group commit takes
 */
record FaultPlan(List<LinkFaults> links, List<Partition> partitions, List<Crash> crashes,
    long maxSkewNanos, long fsyncNanos) {
  static final long SECOND = 1_000_000_000L;
  static final long MINUTE = 60 * SECOND;

  /** One direction of a link. */
  record LinkFaults(String from, String to, long delay, long jitter, double loss, double garble,
      double duplicate) {}

  /** A cut between {@code a} and {@code b}; {@code told}: the cores are told link down and up. */
  record Partition(String a, String b, long at, long length, boolean told) {}

  /** {@code station} dies at {@code at} and restarts {@code down} later. */
  record Crash(String station, long at, long down) {}

  static FaultPlan draw(SplittableRandom r, List<String[]> links, List<String> stations,
      long horizon) {
    List<LinkFaults> lf = new ArrayList<>();
    boolean calm = r.nextInt(10) == 0; // some runs without faults on the links
    for (String[] l : links) {
      for (String[] d : new String[][] {{l[0], l[1]}, {l[1], l[0]}}) {
        lf.add(new LinkFaults(d[0], d[1], (20 + r.nextInt(300)) * 1_000_000L,
            r.nextInt(200) * 1_000_000L, calm ? 0 : r.nextDouble() * 0.3,
            calm ? 0 : r.nextDouble() * 0.03, calm ? 0 : r.nextDouble() * 0.1));
      }
    }
    List<Partition> ps = new ArrayList<>();
    for (int i = r.nextInt(4); i > 0; i--) {
      String[] l = links.get(r.nextInt(links.size()));
      ps.add(new Partition(l[0], l[1], r.nextLong(horizon), (10 + r.nextInt(1200)) * SECOND,
          r.nextBoolean()));
    }
    List<Crash> cs = new ArrayList<>();
    for (int i = r.nextInt(6); i > 0; i--) {
      cs.add(new Crash(stations.get(r.nextInt(stations.size())), r.nextLong(horizon),
          (1 + r.nextInt(600)) * SECOND));
    }
    return new FaultPlan(lf, ps, cs, r.nextInt(3) == 0 ? 0 : r.nextInt(5_000) * 1_000_000L,
        (50 + r.nextInt(5_000)) * 1_000L);
  }
}
