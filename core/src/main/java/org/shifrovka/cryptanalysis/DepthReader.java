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
  private final Codebook book;
  private final TelegrapheseModel model;
  private final int beam;
  private final int candidates;

  private DepthReader(Builder b) {
    this.book = b.book;
    this.model = b.model != null ? b.model : TelegrapheseModel.standard(b.book);
    this.beam = b.beam;
    this.candidates = b.candidates;
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

  /** One hypothesis: each member's last group, the score and how it came about. */
  private static final class State {
    final int[] last;
    final double score;
    final State previous;
    final int[] codes; // this step's group per member, -1 if none

    State(int[] last, double score, State previous, int[] codes) {
      this.last = last;
      this.score = score;
      this.previous = previous;
      this.codes = codes;
    }
  }

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
    int[] start = new int[m];
    Arrays.fill(start, TelegrapheseModel.START);
    states.add(new State(start, 0, null, null));
    int[] active = new int[m];
    for (int t = 0; t < slots; t++) {
      int na = 0;
      for (int i : use) {
        if (window[i][t] >= 0) {
          active[na++] = i;
        }
      }
      if (na < 2) {
        List<State> next = new ArrayList<>(states.size());
        for (State s : states) {
          int[] last = new int[m];
          Arrays.fill(last, TelegrapheseModel.START); // nothing read here: the context is lost
          next.add(new State(last, s.score, s, null));
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
    List<State> next = new ArrayList<>(states.size() * 8);
    Map<String, State> bestByHistory = new HashMap<>();
    int[] codes = new int[na];
    for (State s : states) {
      java.util.Set<Integer> tried = new java.util.HashSet<>();
      for (int a = 0; a < na; a++) {
        int member = active[a];
        for (int[] list : new int[][] {model.followersOf(s.last[member]), common}) {
          for (int c : list) {
            int p = add(c, diff[a]); // the pivot's group if member a's is c
            if (!tried.add(p)) {
              continue;
            }
            double score = s.score;
            boolean ok = true;
            for (int b = 0; b < na && ok; b++) {
              int cb = subtract(p, diff[b]);
              codes[b] = cb;
              double lp = model.logProbability(s.last[active[b]], cb);
              if (lp == Double.NEGATIVE_INFINITY) {
                ok = false;
              }
              score += lp;
            }
            if (!ok) {
              continue;
            }
            int[] last = new int[m];
            Arrays.fill(last, TelegrapheseModel.START); // a member not read here loses its context
            int[] step = new int[m];
            Arrays.fill(step, -1);
            for (int b = 0; b < na; b++) {
              last[active[b]] = codes[b];
              step[active[b]] = codes[b];
            }
            State ns = new State(last, score, s, step);
            String key = Arrays.toString(last);
            State prev = bestByHistory.get(key);
            if (prev == null || prev.score < score) {
              bestByHistory.put(key, ns);
            }
          }
        }
      }
    }
    next.addAll(bestByHistory.values());
    next.sort((x, y) -> Double.compare(y.score, x.score));
    if (next.isEmpty()) { // nothing in the book fits: read nothing here
      for (State s : states) {
        int[] last = s.last.clone();
        for (int a : active) {
          last[a] = TelegrapheseModel.START;
        }
        next.add(new State(last, s.score, s, null));
      }
      return next;
    }
    return next.size() > beam ? new ArrayList<>(next.subList(0, beam)) : next;
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
     * Builds the reader.
     *
     * @throws IllegalArgumentException if the beam or candidates are below 1
     */
    public DepthReader build() {
      if (beam < 1 || candidates < 1) {
        throw new IllegalArgumentException("beam and candidates must be at least 1");
      }
      return new DepthReader(this);
    }
  }
}
