package org.shifrovka.cryptanalysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shifrovka.codebook.Codebook;

/**
 * Finds telegrams in depth from the cipher text alone.
 *
 * <h2>The test</h2>
 *
 * Where two telegrams were enciphered with the same key groups, a cipher window equals the other's
 * at the same key position exactly when the code digits beneath are equal. Telegraphese repeats
 * itself (STOP, THE, OF THE, the formulas of openings and closings), and code groups start at
 * every fourth digit, so in a true depth many of the 4-digit windows at digits 0, 4, 8, ... of
 * the first telegram coincide with the second's; without depth a window coincides with chance
 * 1/10,000, independently of the others (the windows do not overlap). For every pair of telegrams
 * and every alignment (an even number of groups apart: at an odd number the code groups of the
 * two cannot line up), the finder counts the coinciding windows {@code k} among the {@code n}
 * compared, and scores the hypothesis
 * by the Poisson chance of {@code k} or more at rate {@code n/10,000}. Because it tries many
 * hypotheses ({@link DepthFinding#tests()}), it accepts one only if that chance times the number of
 * tests is below half of {@link Builder#falseAlarms} (a Bonferroni bound). The other half is spent
 * on the alignments a whole page apart ({@link Builder#pageGroups}), fewer hypotheses and so a
 * lower threshold: a reused or duplicated page is used from its top, so true depths sit there.
 *
 * <p>It does not compare every pair at every alignment: it sorts all windows by value and digit
 * position mod 10, and only windows that coincide vote for their (pair, alignment); only
 * hypotheses with two or more votes are scored. That is linear in the traffic plus the chance
 * coincidences (about {@code W^2/200,000} for {@code W} windows).
 *
 * <p>Telegrams with the same indicator on one link are a depth by the indicator alone (a clerk
 * reused the sheet); the same indicator on two links can be chance (each book draws its own), so
 * there the coincidences must also pass a test at the indicators' alignment, at chance below
 * {@link Builder#indicatorChance}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class DepthFinder {
  private final int minOverlap;
  private final double falseAlarms;
  private final double indicatorChance;
  private final int pageGroups;
  /** How often a difference must occur in the first pass's depths to enter the table. */
  static final int FREQUENT = 4;

  private DepthFinder(Builder b) {
    this.minOverlap = b.minOverlap;
    this.falseAlarms = b.falseAlarms;
    this.indicatorChance = b.indicatorChance;
    this.pageGroups = b.pageGroups;
  }

  /** Returns a finder with the default settings. */
  public static DepthFinder standard() {
    return builder().build();
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Searches intercepts for depths.
   *
   * @param intercepts the intercepts (their numbers must be distinct)
   * @return the depths, numbered from 1 by their first member
   */
  public DepthFinding find(List<Intercept> intercepts) {
    int n = intercepts.size();
    byte[][] streams = new byte[n][];
    for (int s = 0; s < n; s++) {
      streams[s] = intercepts.get(s).cipherDigits();
    }
    long[] tests = tests(streams);
    // half the false-alarm budget for alignments a page apart (reuse starts at the top of a
    // page), half for any alignment
    double threshold = Math.log10(Math.max(1, tests[0]) / (falseAlarms / 3));
    double pageThreshold = Math.log10(Math.max(1, tests[1]) / (falseAlarms / 3));
    VoteTable votes = vote(streams);
    List<Depth.Evidence> accepted = new ArrayList<>();
    Map<Long, Boolean> seen = new HashMap<>();
    votes.forEach(2, (key, k) -> {
      int a = (int) (key >>> 40);
      int b = (int) ((key >>> 16) & 0xFFFFFF);
      int shift = (int) (key & 0xFFFF) - 32768;
      Depth.Evidence e = evidence(intercepts, streams, a, b, shift, k);
      if (e != null && e.score() >= (pageAligned(shift) ? pageThreshold : threshold)) {
        accepted.add(e);
        seen.put(key, Boolean.TRUE);
      }
    });
    differences(intercepts, streams, accepted, seen);
    // the same indicator: on one link a depth by itself, across links only with coincidences
    Map<Integer, List<Integer>> byIndicator = new HashMap<>();
    for (int s = 0; s < n; s++) {
      int ind = intercepts.get(s).indicator();
      if (ind >= 0) {
        byIndicator.computeIfAbsent(ind, x -> new ArrayList<>()).add(s);
      }
    }
    double indicatorThreshold = -Math.log10(indicatorChance);
    for (List<Integer> same : byIndicator.values()) {
      for (int i = 0; i < same.size(); i++) {
        for (int j = i + 1; j < same.size(); j++) {
          int a = same.get(i);
          int b = same.get(j);
          long key = key(a, b, 0);
          if (seen.containsKey(key)) {
            continue;
          }
          int k = coincidences(streams[a], streams[b], 0);
          Depth.Evidence e = evidence(intercepts, streams, a, b, 0, k);
          if (e == null) {
            continue;
          }
          boolean sameLink = intercepts.get(a).link().equals(intercepts.get(b).link());
          if (sameLink || e.score() >= indicatorThreshold) {
            accepted.add(e);
          }
        }
      }
    }
    return new DepthFinding(n, tests[0], threshold, tests[1], pageThreshold,
        join(intercepts, accepted));
  }

  /**
   * The second pass, with a table of differences learned from the depths found so far: in a depth
   * aligned on code groups, the stripped difference of two code groups is one of the differences
   * between frequent words (STOP over THE, OF over STOP, ...) far more often than chance. The
   * differences seen at least {@link #FREQUENT} times in the first pass's depths form the table;
   * every pair of telegrams starting on the same key group is then tested by how many of its
   * stripped code windows fall in the table (chance: the table's share of the 10,000 values),
   * with the last third of the false-alarm budget over all pairs.
   */
  private void differences(List<Intercept> intercepts, byte[][] streams,
      List<Depth.Evidence> accepted, Map<Long, Boolean> seen) {
    int n = streams.length;
    Map<Integer, Integer> index = new HashMap<>();
    for (int s = 0; s < n; s++) {
      index.put(intercepts.get(s).id(), s);
    }
    int[][] windows = new int[n][];
    for (int s = 0; s < n; s++) {
      windows[s] = codeWindows(streams[s]);
    }
    int[] hist = new int[1 << 20];
    for (Depth.Evidence e : accepted) {
      int shift = e.pair().shift();
      if (shift % 4 != 0) {
        continue;
      }
      int[] a = windows[index.get(e.pair().first())];
      int[] b = windows[index.get(e.pair().second())];
      int q = 5 * shift / 4; // window i of a meets window i - q of b
      for (int i = Math.max(0, q); i < a.length && i - q < b.length; i++) {
        int x = a[i];
        int y = b[i - q];
        if (x >= 0 && y >= 0) {
          hist[packedDifference(x, y)]++;
          hist[packedDifference(y, x)]++;
        }
      }
    }
    boolean[] table = new boolean[1 << 20];
    int size = 0;
    for (int k = 0; k < hist.length; k++) {
      if (hist[k] >= FREQUENT) {
        table[k] = true;
        size++;
      }
    }
    if (size == 0) {
      return;
    }
    double p0 = size / 10_000.0;
    double threshold = Math.log10((double) n * (n - 1) / 2 / (falseAlarms / 3));
    for (int a = 0; a < n; a++) {
      int[] wa = windows[a];
      for (int b = a + 1; b < n; b++) {
        int[] wb = windows[b];
        int len = Math.min(wa.length, wb.length);
        if (len * 4 / 5 < minOverlap || seen.containsKey(key(a, b, 0))) {
          continue;
        }
        int hits = 0;
        int compared = 0;
        for (int i = 0; i < len; i++) {
          int x = wa[i];
          int y = wb[i];
          if (x >= 0 && y >= 0) {
            compared++;
            if (table[packedDifference(x, y)]) {
              hits++;
            }
          }
        }
        if (hits < 3) {
          continue;
        }
        double score = poissonTailScore(hits, compared * p0);
        if (score >= threshold) {
          Intercept x = intercepts.get(a);
          Intercept y = intercepts.get(b);
          accepted.add(new Depth.Evidence(new DepthPair(Math.min(x.id(), y.id()),
              Math.max(x.id(), y.id()), 0), coincidences(streams[a], streams[b], 0),
              compared, score, x.indicator() >= 0 && x.indicator() == y.indicator()));
          seen.put(key(a, b, 0), Boolean.TRUE);
        }
      }
    }
  }

  /** The 4-digit windows at digits 0, 4, 8, ..., as 5-bit digit fields; -1 if unreadable. */
  private static int[] codeWindows(byte[] d) {
    int[] out = new int[d.length / 4];
    for (int w = 0; w < out.length; w++) {
      int v = 0;
      for (int k = w * 4; k < w * 4 + 4; k++) {
        if (d[k] == Codebook.UNREADABLE) {
          v = -1;
          break;
        }
        v = (v << 5) | d[k];
      }
      out[w] = v;
    }
    return out;
  }

  private static final int FIELDS = (1 << 15) | (1 << 10) | (1 << 5) | 1;

  /** The digit-wise difference mod 10 of two packed windows, packed (an index below 2^20). */
  static int packedDifference(int x, int y) {
    int v = x + 10 * FIELDS - y; // each field 1..19
    int ge = ((v + 6 * FIELDS) >> 4) & FIELDS; // fields of 10 or more
    return v - 10 * ge;
  }

  private boolean pageAligned(int shift) {
    return shift % pageGroups == 0;
  }

  /**
   * The number of (pair, even shift) hypotheses with at least {@code minOverlap} groups: all, and
   * those a whole number of pages apart.
   */
  private long[] tests(byte[][] streams) {
    long t = 0;
    long pages = 0;
    int n = streams.length;
    int[] g = new int[n];
    for (int s = 0; s < n; s++) {
      g[s] = streams[s].length / 5;
    }
    for (int a = 0; a < n; a++) {
      for (int b = a + 1; b < n; b++) {
        if (g[a] >= minOverlap && g[b] >= minOverlap) {
          t += (g[a] + g[b] - 2L * minOverlap + 2) / 2;
          for (int j = -(g[a] - minOverlap) / pageGroups; j <= (g[b] - minOverlap) / pageGroups;
              j++) {
            if ((j * pageGroups) % 2 == 0) {
              pages++;
            }
          }
        }
      }
    }
    return new long[] {t, pages};
  }

  /** Sorts the windows at even digits by (value, position mod 10) and counts coinciding pairs. */
  private static VoteTable vote(byte[][] streams) {
    int n = streams.length;
    int buckets = 100_000;
    int[] count = new int[buckets + 1];
    int total = 0;
    for (byte[] d : streams) {
      for (int i = 0; i + 4 <= d.length; i += 2) {
        int v = window(d, i);
        if (v >= 0) {
          count[v * 10 + i % 10 + 1]++;
          total++;
        }
      }
    }
    for (int k = 0; k < buckets; k++) {
      count[k + 1] += count[k];
    }
    int[] stream = new int[total];
    int[] pos = new int[total];
    int[] fill = count.clone();
    for (int s = 0; s < n; s++) {
      byte[] d = streams[s];
      for (int i = 0; i + 4 <= d.length; i += 2) {
        int v = window(d, i);
        if (v >= 0) {
          int at = fill[v * 10 + i % 10]++;
          stream[at] = s;
          pos[at] = i;
        }
      }
    }
    VoteTable votes = new VoteTable(Math.max(1024, (int) Math.min(1 << 26,
        (long) total * total / 100_000 + 1024)));
    for (int k = 0; k < buckets; k++) {
      for (int x = count[k]; x < count[k + 1]; x++) {
        for (int y = x + 1; y < count[k + 1]; y++) {
          int sa = stream[x];
          int sb = stream[y];
          if (sa == sb) {
            continue;
          }
          int ia = pos[x];
          int ib = pos[y];
          if (sa > sb) {
            int t = sa;
            sa = sb;
            sb = t;
            t = ia;
            ia = ib;
            ib = t;
          }
          if (ia % 4 != 0) {
            continue; // the first stream's windows do not overlap: independent under chance
          }
          // same key digit: 5 * start(a) + ia = 5 * start(b) + ib
          votes.add(key(sa, sb, (ia - ib) / 5));
        }
      }
    }
    return votes;
  }

  private static long key(int a, int b, int shift) {
    return ((long) a << 40) | ((long) b << 16) | (shift + 32768);
  }

  /** Returns the 4-digit value at {@code i}, or -1 if a digit is unreadable. */
  private static int window(byte[] d, int i) {
    int v = 0;
    for (int k = i; k < i + 4; k++) {
      byte x = d[k];
      if (x == Codebook.UNREADABLE) {
        return -1;
      }
      v = v * 10 + x;
    }
    return v;
  }

  /**
   * Counts coinciding windows at digits 0, 4, 8, ... of {@code a} with b shifted {@code shift}
   * groups (b starting that many groups after a on the key).
   */
  static int coincidences(byte[] a, byte[] b, int shift) {
    int lo = Math.max(0, 5 * shift);
    int hi = Math.min(a.length, b.length + 5 * shift) - 4;
    int k = 0;
    for (int i = (lo + 3) / 4 * 4; i <= hi; i += 4) {
      int va = window(a, i);
      if (va >= 0 && va == window(b, i - 5 * shift)) {
        k++;
      }
    }
    return k;
  }

  /** Scores a pair at a shift; null if the overlap is too short. */
  private Depth.Evidence evidence(List<Intercept> intercepts, byte[][] streams, int a, int b,
      int shift, int k) {
    int lo = Math.max(0, 5 * shift);
    int hi = Math.min(streams[a].length, streams[b].length + 5 * shift);
    if ((hi - lo) / 5 < minOverlap) {
      return null;
    }
    int last = hi - 4;
    int first = (lo + 3) / 4 * 4;
    int windows = last < first ? 0 : (last - first) / 4 + 1;
    Intercept x = intercepts.get(a);
    Intercept y = intercepts.get(b);
    boolean sameIndicator = x.indicator() >= 0 && x.indicator() == y.indicator();
    DepthPair pair = x.id() < y.id() ? new DepthPair(x.id(), y.id(), shift)
        : new DepthPair(y.id(), x.id(), -shift);
    return new Depth.Evidence(pair, k, windows, poissonTailScore(k, windows / 10_000.0),
        sameIndicator);
  }

  /** Returns {@code -log10 P(X >= k)} for X Poisson with mean {@code lambda}. */
  static double poissonTailScore(int k, double lambda) {
    if (k <= 0) {
      return 0;
    }
    // log of the k-th term, then the sum of the following terms relative to it
    double logTerm = -lambda + k * Math.log(lambda);
    for (int j = 2; j <= k; j++) {
      logTerm -= Math.log(j);
    }
    double sum = 1;
    double t = 1;
    for (int j = k + 1; j < k + 200; j++) {
      t *= lambda / j;
      sum += t;
      if (t < 1e-17 * sum) {
        break;
      }
    }
    double log10 = (logTerm + Math.log(sum)) / Math.log(10);
    return Math.max(0, -log10);
  }

  /** Joins accepted pairs into sets (a pair that contradicts the alignment so far is dropped). */
  private static List<Depth> join(List<Intercept> intercepts, List<Depth.Evidence> accepted) {
    accepted.sort(Comparator.comparingDouble(Depth.Evidence::score).reversed());
    Map<Integer, Integer> parent = new HashMap<>();
    Map<Integer, Integer> shift = new HashMap<>();
    List<Depth.Evidence> used = new ArrayList<>();
    for (Depth.Evidence e : accepted) {
      int a = e.pair().first();
      int b = e.pair().second();
      parent.putIfAbsent(a, a);
      parent.putIfAbsent(b, b);
      shift.putIfAbsent(a, 0);
      shift.putIfAbsent(b, 0);
      int ra = find(parent, shift, a);
      int rb = find(parent, shift, b);
      if (ra == rb) {
        if (shift.get(b) - shift.get(a) == e.pair().shift()) {
          used.add(e);
        }
        continue;
      }
      parent.put(rb, ra);
      shift.put(rb, shift.get(a) + e.pair().shift() - shift.get(b));
      used.add(e);
    }
    Map<Integer, List<Integer>> sets = new HashMap<>();
    for (int id : parent.keySet()) {
      sets.computeIfAbsent(find(parent, shift, id), x -> new ArrayList<>()).add(id);
    }
    Map<Integer, String> links = new HashMap<>();
    for (Intercept i : intercepts) {
      links.put(i.id(), i.link());
    }
    List<Depth> out = new ArrayList<>();
    List<List<Integer>> ordered = new ArrayList<>(sets.values());
    for (List<Integer> s : ordered) {
      s.sort(Integer::compare);
    }
    ordered.sort(Comparator.comparingInt(s -> s.get(0)));
    int id = 1;
    for (List<Integer> s : ordered) {
      int min = Integer.MAX_VALUE;
      for (int m : s) {
        min = Math.min(min, shift.get(m));
      }
      List<DepthMember> members = new ArrayList<>();
      for (int m : s) {
        members.add(new DepthMember(m, shift.get(m) - min));
      }
      List<Depth.Evidence> ev = new ArrayList<>();
      boolean allIndicator = true;
      for (Depth.Evidence e : used) {
        if (s.contains(e.pair().first())) {
          ev.add(e);
          allIndicator &= e.sameIndicator();
        }
      }
      ev.sort(Comparator.comparingInt((Depth.Evidence e) -> e.pair().first())
          .thenComparingInt(e -> e.pair().second()));
      out.add(new Depth(id++, allIndicator ? Depth.Method.INDICATOR : Depth.Method.COINCIDENCE,
          members, ev));
    }
    return out;
  }

  private static int find(Map<Integer, Integer> parent, Map<Integer, Integer> shift, int i) {
    int p = parent.get(i);
    if (p == i) {
      return i;
    }
    int root = find(parent, shift, p);
    shift.put(i, shift.get(i) + shift.get(p));
    parent.put(i, root);
    return root;
  }

  @Override
  public String toString() {
    return "DepthFinder[min overlap " + minOverlap + " groups, false alarms " + falseAlarms + "]";
  }

  /** Builds a {@link DepthFinder}. */
  public static final class Builder {
    private int minOverlap = 10;
    private double falseAlarms = 0.01;
    private double indicatorChance = 0.001;
    private int pageGroups = TrafficGenerator.GROUPS_PER_SHEET - 1;

    private Builder() {}

    /**
     * Sets the key groups of a pad page (default 59: 60-group sheets less the indicator); shifts
     * of whole pages are tried at a lower threshold, since a reused page is used from its top.
     */
    public Builder pageGroups(int v) {
      pageGroups = v;
      return this;
    }

    /** Sets the shortest overlap, in groups, worth testing (default 10). */
    public Builder minOverlap(int v) {
      minOverlap = v;
      return this;
    }

    /** Sets the expected number of false depths the coincidence test may let through (0.01). */
    public Builder falseAlarms(double v) {
      falseAlarms = v;
      return this;
    }

    /** Sets the chance a same-indicator pair across links may have (default 0.001). */
    public Builder indicatorChance(double v) {
      indicatorChance = v;
      return this;
    }

    /**
     * Builds the finder.
     *
     * @throws IllegalArgumentException if a setting is out of range
     */
    public DepthFinder build() {
      if (pageGroups < 1) {
        throw new IllegalArgumentException("a page has at least one key group");
      }
      if (minOverlap < 2) {
        throw new IllegalArgumentException("min overlap must be at least 2 groups");
      }
      if (!(falseAlarms > 0 && falseAlarms < 1) || !(indicatorChance > 0
          && indicatorChance < 1)) {
        throw new IllegalArgumentException("false alarms and indicator chance must be in (0, 1)");
      }
      return new DepthFinder(this);
    }
  }
}
