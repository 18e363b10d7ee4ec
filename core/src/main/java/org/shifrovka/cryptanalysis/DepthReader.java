package org.shifrovka.cryptanalysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.shifrovka.codebook.Codebook;

/**
 * Reads a depth with a captured codebook: strips the additive (the stripped difference of two
 * members at a code position is the difference of their code groups there) and searches for the
 * code groups beneath with a beam search scored by a {@link TelegrapheseModel}.
 *
 * <p>At each code position where two or more members overlap, one member's group fixes every
 * other member's ({@code p2 = p1 - d}); the candidates for it are the groups the model finds
 * likely after each member's previous group, carried across to it through the difference. A
 * hypothesis survives only if every member's group is in the book, and is scored by the sum of
 * the members' log-probabilities; the best {@link Builder#beam} hypotheses go on. Where a member
 * is alone on its key (or its digits at a position were not read), nothing is read: the pad holds.
 *
 * <p>The members must be aligned on code groups (their offsets, in digits, equal mod 4); a member
 * that is not is left out and named in {@link Reading#unaligned()}. Spelled words are not read
 * (the SPELL group is never proposed). Instances are immutable and thread-safe.
 */
public final class DepthReader {
  /**
   * How many times the readings of a round count against the public text in the next round's
   * model (3: measured best of 1 and 3 in benchmarks/README.md, "VENONA").
   */
  static final int READING_WEIGHT = 3;
  private final Codebook book;
  private final TelegrapheseModel model;
  private final int beam;
  private final int candidates;
  private final double cacheWeight;

  private DepthReader(Builder b) {
    this.book = b.book;
    this.model = b.model != null ? b.model : TelegrapheseModel.standard(b.book);
    this.beam = b.beam;
    this.candidates = b.candidates;
    this.cacheWeight = b.cacheWeight;
  }

  /** Returns a reader with the standard model and settings. */
  public static DepthReader of(Codebook book) {
    return builder(book).build();
  }

  /** Returns a builder. */
  public static Builder builder(Codebook book) {
    return new Builder(book);
  }

  /** Returns the model. */
  public TelegrapheseModel model() {
    return model;
  }

  /**
   * Reads every depth of a body of traffic the way an analyst works through it: the deepest
   * depths first (three or more telegrams constrain each position most, so they read best), and
   * each depth with this reader's model trained further on what has been read of all the
   * <em>other</em> depths so far ({@link TelegrapheseModel#withReadings}, each reading counted
   * three times); then all again, {@code rounds} passes in all, each depth with the latest
   * readings of the others. Telegraphese repeats its formulas from telegram to telegram, so what
   * one depth gives up helps read the next. A depth's own earlier reading is left out of its
   * model: otherwise a wrong reading confirms itself in the next pass (measured: seed 2 of
   * {@code VenonaBenchmark}, benchmarks/README.md, "VENONA"). Nothing but the intercepts is used.
   *
   * @param depths the depths, each as its members
   * @param rounds how many passes over all the depths (at least 1)
   * @return the readings of the last pass, in the order of {@code depths}
   * @throws IllegalArgumentException if rounds is below 1 or a member is not among the intercepts
   */
  public List<Reading> readTraffic(List<Intercept> intercepts, List<List<DepthMember>> depths,
      int rounds) {
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be at least 1");
    }
    Integer[] order = new Integer[depths.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> depths.get(y).size() - depths.get(x).size()); // stable
    Reading[] out = new Reading[depths.size()];
    for (int round = 0; round < rounds; round++) {
      for (int i : order) {
        List<int[]> others = new ArrayList<>();
        for (int j = 0; j < out.length; j++) {
          if (j != i && out[j] != null) {
            for (Reading.Telegram t : out[j].telegrams()) {
              others.add(t.codes());
            }
          }
        }
        DepthReader reader = others.isEmpty() ? this
            : new DepthReader(this, model.withReadings(others, READING_WEIGHT));
        out[i] = reader.read(intercepts, depths.get(i));
      }
    }
    return List.of(out);
  }

  private DepthReader(DepthReader settings, TelegrapheseModel model) {
    this.book = settings.book;
    this.model = model;
    this.beam = settings.beam;
    this.candidates = settings.candidates;
    this.cacheWeight = settings.cacheWeight;
  }

  /**
   * Reads a depth found among intercepts.
   *
   * @throws IllegalArgumentException if a member is not among the intercepts
   */
  public Reading read(List<Intercept> intercepts, List<DepthMember> members) {
    Map<Integer, Intercept> byId = new HashMap<>();
    for (Intercept i : intercepts) {
      byId.put(i.id(), i);
    }
    List<byte[]> streams = new ArrayList<>();
    for (DepthMember m : members) {
      Intercept i = byId.get(m.interceptId());
      if (i == null) {
        throw new IllegalArgumentException("intercept " + m.interceptId() + " is not in the file");
      }
      streams.add(i.cipherDigits());
    }
    return readStreams(streams, members);
  }

  /**
   * One hypothesis: each member's last group, what each member has read so far (its cache: a
   * telegram repeats its words), the score and how it came about.
   */
  private static final class State {
    final int[] last;
    final double score;
    final State previous;
    final int[] codes; // this step's group per member, -1 if none
    final int[][] cacheCodes; // per member, sorted distinct groups read so far
    final int[][] cacheCounts;
    final long[][] cacheBits; // per member, a bit per group in the cache (a quick "not there")
    final int[] cacheTotal;

    State(int[] last, double score, State previous, int[] codes, int[][] cacheCodes,
        int[][] cacheCounts, long[][] cacheBits, int[] cacheTotal) {
      this.last = last;
      this.score = score;
      this.previous = previous;
      this.codes = codes;
      this.cacheCodes = cacheCodes;
      this.cacheCounts = cacheCounts;
      this.cacheBits = cacheBits;
      this.cacheTotal = cacheTotal;
    }

    /** A state with nothing read and no context. */
    static State start(int m) {
      int[] last = new int[m];
      Arrays.fill(last, TelegrapheseModel.START);
      int[][] codes = new int[m][0];
      int[][] counts = new int[m][0];
      return new State(last, 0, null, null, codes, counts,
          new long[m][(Codebook.CAPACITY + 63) / 64], new int[m]);
    }

    /** This state one step on, where nothing was read: every context is lost. */
    State skip() {
      int[] l = new int[last.length];
      Arrays.fill(l, TelegrapheseModel.START);
      return new State(l, score, this, null, cacheCodes, cacheCounts, cacheBits, cacheTotal);
    }

    int cached(int member, int code) {
      if ((cacheBits[member][code >>> 6] & (1L << code)) == 0) {
        return 0;
      }
      int i = Arrays.binarySearch(cacheCodes[member], code);
      return i >= 0 ? cacheCounts[member][i] : 0;
    }

    /** This state one step on, with {@code step} read (-1 for members not read). */
    State then(int[] step, double newScore) {
      int m = last.length;
      int[] l = new int[m];
      int[][] cc = cacheCodes.clone();
      int[][] cn = cacheCounts.clone();
      long[][] cb = cacheBits.clone();
      int[] ct = cacheTotal.clone();
      for (int i = 0; i < m; i++) {
        int c = step[i];
        if (c < 0) {
          l[i] = TelegrapheseModel.START;
          continue;
        }
        l[i] = c;
        int at = Arrays.binarySearch(cc[i], c);
        if (at >= 0) {
          cn[i] = cn[i].clone();
          cn[i][at]++;
        } else {
          int ins = -at - 1;
          int[] k = new int[cc[i].length + 1];
          int[] n = new int[k.length];
          System.arraycopy(cc[i], 0, k, 0, ins);
          System.arraycopy(cn[i], 0, n, 0, ins);
          k[ins] = c;
          n[ins] = 1;
          System.arraycopy(cc[i], ins, k, ins + 1, cc[i].length - ins);
          System.arraycopy(cn[i], ins, n, ins + 1, cc[i].length - ins);
          cc[i] = k;
          cn[i] = n;
          cb[i] = cb[i].clone();
          cb[i][c >>> 6] |= 1L << c;
        }
        ct[i]++;
      }
      return new State(l, newScore, this, step, cc, cn, cb, ct);
    }
  }

  /** A scored extension of a state, before the beam is cut. */
  private record Candidate(State parent, int[] step, double score) {}

  /**
   * Reads the cipher streams of a depth.
   *
   * @param streams each member's cipher digits (groups 2 to n-2), {@link Codebook#UNREADABLE} for
   *     a digit not read
   * @param members the members with their offsets, in the same order
   */
  public Reading readStreams(List<byte[]> streams, List<DepthMember> members) {
    int m = members.size();
    int phase = Math.floorMod(5 * members.get(0).offset(), 4);
    List<Integer> use = new ArrayList<>();
    List<Integer> unaligned = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      if (Math.floorMod(5 * members.get(i).offset(), 4) == phase) {
        use.add(i);
      } else {
        unaligned.add(members.get(i).interceptId());
      }
    }
    int base = Integer.MAX_VALUE;
    int end = 0;
    for (int i : use) {
      base = Math.min(base, 5 * members.get(i).offset());
    }
    for (int i : use) {
      int x = 5 * members.get(i).offset();
      end = Math.max(end, (x - base + streams.get(i).length) / 4);
    }
    int slots = end;
    int[][] window = new int[m][slots]; // each member's 4 cipher digits at each slot, or -1
    for (int[] w : window) {
      Arrays.fill(w, -1);
    }
    for (int i : use) {
      byte[] c = streams.get(i);
      int first = (5 * members.get(i).offset() - base) / 4;
      for (int k = 0; 4 * k + 4 <= c.length; k++) {
        window[i][first + k] = value(c, 4 * k);
      }
    }
    List<State> states = new ArrayList<>();
    states.add(State.start(m));
    int[] active = new int[m];
    for (int t = 0; t < slots; t++) {
      int na = 0;
      for (int i : use) {
        if (window[i][t] >= 0) {
          active[na++] = i;
        }
      }
      if (na < 2) { // nothing to strip against here: the pad holds
        List<State> next = new ArrayList<>(states.size());
        for (State s : states) {
          next.add(s.skip());
        }
        states = next;
        continue;
      }
      states = expand(states, window, t, Arrays.copyOf(active, na), m);
    }
    State best = states.get(0);
    for (State s : states) {
      if (s.score > best.score) {
        best = s;
      }
    }
    int[][] codes = new int[m][];
    for (int i = 0; i < m; i++) {
      codes[i] = new int[streams.get(i).length / 4];
      Arrays.fill(codes[i], -1);
    }
    int t = slots - 1;
    for (State s = best; s != null && s.previous != null; s = s.previous, t--) {
      if (s.codes == null) {
        continue;
      }
      for (int i = 0; i < m; i++) {
        if (s.codes[i] >= 0) {
          int first = (5 * members.get(i).offset() - base) / 4;
          codes[i][t - first] = s.codes[i];
        }
      }
    }
    List<Reading.Telegram> out = new ArrayList<>();
    for (int i : use) {
      out.add(new Reading.Telegram(members.get(i).interceptId(), members.get(i).offset(),
          codes[i]));
    }
    return new Reading(out, unaligned);
  }

  /** One step of the beam where the members {@code active} overlap. */
  private List<State> expand(List<State> states, int[][] window, int t, int[] active, int m) {
    int pivot = active[0];
    int na = active.length;
    int[] diff = new int[na]; // pivot's code minus member's code, digit by digit
    for (int a = 0; a < na; a++) {
      diff[a] = subtract(window[pivot][t], window[active[a]][t]);
    }
    int[] common = model.mostLikely(candidates);
    // every member's group follows from the pivot's, so the pivot's group names a step
    Candidate[] bestByPivot = new Candidate[Codebook.CAPACITY];
    int[] slot = new int[Codebook.CAPACITY]; // where in all
    List<Candidate> all = new ArrayList<>();
    int[] tried = new int[Codebook.CAPACITY];
    int stamp = 0;
    int[] codes = new int[na];
    for (State s : states) {
      stamp++;
      for (int a = 0; a < na; a++) {
        int member = active[a];
        for (int[] list : new int[][] {model.followersOf(s.last[member]), common,
            s.cacheCodes[member]}) {
          for (int c : list) {
            int p = add(c, diff[a]); // the pivot's group if member a's is c
            if (tried[p] == stamp) {
              continue;
            }
            tried[p] = stamp;
            double joint = 1; // the members' probabilities multiplied: one logarithm
            for (int b = 0; b < na && joint > 0; b++) {
              int cb = subtract(p, diff[b]);
              codes[b] = cb;
              joint *= probability(s, active[b], cb);
            }
            if (joint <= 0) {
              continue;
            }
            double score = s.score + Math.log10(joint);
            Candidate prev = bestByPivot[p];
            if (prev == null || prev.score() < score) {
              int[] step = new int[m];
              Arrays.fill(step, -1);
              for (int b = 0; b < na; b++) {
                step[active[b]] = codes[b];
              }
              Candidate next = new Candidate(s, step, score);
              if (prev == null) {
                slot[p] = all.size();
                all.add(next);
              } else {
                all.set(slot[p], next);
              }
              bestByPivot[p] = next;
            }
          }
        }
      }
    }
    List<State> next = new ArrayList<>();
    if (all.isEmpty()) { // nothing in the book fits: read nothing here
      for (State s : states) {
        next.add(s.skip());
      }
      return next;
    }
    all.sort((x, y) -> Double.compare(y.score(), x.score()));
    for (int i = 0; i < Math.min(beam, all.size()); i++) {
      Candidate c = all.get(i);
      next.add(c.parent().then(c.step(), c.score()));
    }
    return next;
  }

  /** The model's probability of a group for a member, mixed with the member's cache. */
  private double probability(State s, int member, int code) {
    double p = model.probability(s.last[member], code);
    if (p == 0) {
      return 0;
    }
    int total = s.cacheTotal[member];
    if (total == 0) {
      return p;
    }
    return (1 - cacheWeight) * p + cacheWeight * s.cached(member, code) / total;
  }

  /** The 4-digit value at {@code i}, or -2 if a digit was not read. */
  private static int value(byte[] d, int i) {
    int v = 0;
    for (int k = i; k < i + 4; k++) {
      if (d[k] == Codebook.UNREADABLE) {
        return -2;
      }
      v = v * 10 + d[k];
    }
    return v;
  }

  /** Digit-wise {@code a + b} mod 10 of two 4-digit groups. */
  static int add(int a, int b) {
    int out = 0;
    int scale = 1;
    for (int k = 0; k < 4; k++) {
      out += ((a % 10 + b % 10) % 10) * scale;
      a /= 10;
      b /= 10;
      scale *= 10;
    }
    return out;
  }

  /** Digit-wise {@code a - b} mod 10 of two 4-digit groups. */
  static int subtract(int a, int b) {
    int out = 0;
    int scale = 1;
    for (int k = 0; k < 4; k++) {
      out += ((a % 10 - b % 10 + 10) % 10) * scale;
      a /= 10;
      b /= 10;
      scale *= 10;
    }
    return out;
  }

  @Override
  public String toString() {
    return "DepthReader[beam " + beam + ", " + model + "]";
  }

  /** Builds a {@link DepthReader}. */
  public static final class Builder {
    private final Codebook book;
    private TelegrapheseModel model;
    private int beam = 32;
    private int candidates = 300;
    private double cacheWeight = 0.1;

    private Builder(Codebook book) {
      this.book = Objects.requireNonNull(book, "book");
    }

    /** Sets the model (default: {@link TelegrapheseModel#standard}). */
    public Builder model(TelegrapheseModel v) {
      model = Objects.requireNonNull(v, "model");
      return this;
    }

    /** Sets how many hypotheses go on at each step (default 32). */
    public Builder beam(int v) {
      beam = v;
      return this;
    }

    /** Sets how many of the model's most likely groups are tried besides each context's (300). */
    public Builder candidates(int v) {
      candidates = v;
      return this;
    }

    /**
     * Sets the weight of the cache: the share of a member's probability that comes from the
     * groups it has read so far (default 0.1; 0 for the model alone).
     */
    public Builder cacheWeight(double v) {
      cacheWeight = v;
      return this;
    }

    /**
     * Builds the reader.
     *
     * @throws IllegalArgumentException if the beam or candidates are below 1
     */
    public DepthReader build() {
      if (!(cacheWeight >= 0 && cacheWeight < 1)) {
        throw new IllegalArgumentException("the cache weight must be in [0, 1)");
      }
      if (beam < 1 || candidates < 1) {
        throw new IllegalArgumentException("beam and candidates must be at least 1");
      }
      return new DepthReader(this);
    }
  }
}
