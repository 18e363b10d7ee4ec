package org.shifrovka.cryptanalysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What really happened to generated traffic, for scoring an attack: which sheets each telegram
 * used, its plain text, and which telegrams share key (the true depths). The attack never reads
 * this; {@link DepthScore} compares a finding against it.
 *
 * <p>Instances are immutable. The plain texts are the secret here: {@link #toString()} shows only
 * counts.
 *
 * @param seed the seed the traffic was generated from
 * @param sent one record per telegram, in intercept order
 * @param depths the sets of telegrams that share key over some of their text
 */
public record TrafficAnswers(long seed, List<Sent> sent, List<TrueDepth> depths) {

  /** The fault of discipline behind a telegram's key. */
  public enum Fault {
    /** An honest sheet, used once. */
    NONE("none"),
    /** A sheet used before, sent again under the same indicator. */
    SAME_INDICATOR("same-indicator"),
    /** A page printed twice, in another book under another indicator (the 1942 duplicates). */
    DUPLICATE_PAGE("duplicate-page");

    private final String id;

    Fault(String id) {
      this.id = id;
    }

    /** Returns the id used in the answers file, such as {@code duplicate-page}. */
    public String id() {
      return id;
    }

    /**
     * Returns the fault with an id.
     *
     * @throws IllegalArgumentException if no fault has it
     */
    public static Fault of(String id) {
      for (Fault f : values()) {
        if (f.id.equals(id)) {
          return f;
        }
      }
      throw new IllegalArgumentException("no fault \"" + id + "\"");
    }
  }

  /**
   * One telegram as it was sent.
   *
   * @param interceptId the intercept number it was copied under
   * @param link the link
   * @param bookId the pad book
   * @param firstSheet the first sheet used
   * @param sheets the number of sheets used
   * @param indicator the indicator sent
   * @param fault what was wrong with its key
   * @param text the plain text in canonical telegraphese
   */
  public record Sent(int interceptId, String link, String bookId, int firstSheet, int sheets,
      int indicator, Fault fault, String text) {
    /** Checks that nothing is null. */
    public Sent {
      Objects.requireNonNull(link, "link");
      Objects.requireNonNull(bookId, "bookId");
      Objects.requireNonNull(fault, "fault");
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
      return "Sent[" + interceptId + " " + link + " book " + bookId + " sheet " + firstSheet
          + "+" + sheets + ", " + fault.id() + "]";
    }
  }

  /**
   * A set of two or more telegrams that share key.
   *
   * @param kind same-indicator if every member used the same sheet of the same book, else
   *     duplicate-page
   * @param members the telegrams and their offsets, in intercept order
   */
  public record TrueDepth(Fault kind, List<DepthMember> members) {
    /** Copies the members. */
    public TrueDepth {
      Objects.requireNonNull(kind, "kind");
      members = List.copyOf(members);
      if (members.size() < 2) {
        throw new IllegalArgumentException("a depth has at least two telegrams");
      }
    }
  }

  /** Copies the lists. */
  public TrafficAnswers {
    sent = List.copyOf(sent);
    depths = List.copyOf(depths);
  }

  /** Returns the record of the telegram copied under an intercept number, or null. */
  public Sent sentAs(int interceptId) {
    for (Sent s : sent) {
      if (s.interceptId() == interceptId) {
        return s;
      }
    }
    return null;
  }

  /**
   * Returns the pairs of telegrams in depth with their relative alignment, the unit that
   * {@link DepthScore} counts.
   */
  public List<DepthPair> truePairs() {
    List<DepthPair> out = new ArrayList<>();
    for (TrueDepth d : depths) {
      out.addAll(DepthPair.allOf(d.members()));
    }
    return out;
  }

  /**
   * Works out the true depths from what each telegram used: two telegrams are in depth when their
   * texts were enciphered with the same key groups. {@code pages} gives, for each telegram, the
   * printed page behind each of its sheets (a page printed twice has one id in both books).
   */
  static List<TrueDepth> depthsOf(List<Sent> sent, List<int[]> pages, int keyGroupsPerSheet,
      List<Integer> textGroups) {
    int n = sent.size();
    int[] parent = new int[n];
    int[] shift = new int[n]; // key position of telegram i relative to its root, in groups
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    Map<Integer, List<int[]>> users = new HashMap<>(); // page -> (telegram, key position)
    for (int i = 0; i < n; i++) {
      int[] p = pages.get(i);
      int reach = textGroups.get(i);
      for (int j = 0; j < p.length && j * keyGroupsPerSheet < reach; j++) {
        users.computeIfAbsent(p[j], k -> new ArrayList<>()).add(new int[] {i, j});
      }
    }
    for (List<int[]> u : users.values()) {
      for (int k = 1; k < u.size(); k++) {
        int a = u.get(0)[0];
        int b = u.get(k)[0];
        // a's group 0 sits at key position -ja*K on this page's scale, b's at -jb*K
        int rel = (u.get(0)[1] - u.get(k)[1]) * keyGroupsPerSheet; // b's start minus a's start
        union(parent, shift, a, b, rel);
      }
    }
    Map<Integer, List<Integer>> groups = new HashMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(find(parent, shift, i), k -> new ArrayList<>()).add(i);
    }
    List<TrueDepth> out = new ArrayList<>();
    for (List<Integer> g : groups.values()) {
      if (g.size() < 2) {
        continue;
      }
      int min = Integer.MAX_VALUE;
      for (int i : g) {
        min = Math.min(min, shift[i]);
      }
      List<DepthMember> members = new ArrayList<>();
      boolean sameSheet = true;
      Sent first = sent.get(g.get(0));
      for (int i : g) {
        members.add(new DepthMember(sent.get(i).interceptId(), shift[i] - min));
        Sent s = sent.get(i);
        sameSheet &= s.bookId().equals(first.bookId()) && s.firstSheet() == first.firstSheet();
      }
      members.sort(Comparator.comparingInt(DepthMember::interceptId));
      out.add(new TrueDepth(sameSheet ? Fault.SAME_INDICATOR : Fault.DUPLICATE_PAGE, members));
    }
    out.sort(Comparator.comparingInt(d -> d.members().get(0).interceptId()));
    return out;
  }

  private static int find(int[] parent, int[] shift, int i) {
    if (parent[i] == i) {
      return i;
    }
    int root = find(parent, shift, parent[i]);
    shift[i] += shift[parent[i]];
    parent[i] = root;
    return root;
  }

  /** Joins b to a's set, b starting {@code rel} groups after a on the key. */
  private static void union(int[] parent, int[] shift, int a, int b, int rel) {
    int ra = find(parent, shift, a);
    int rb = find(parent, shift, b);
    if (ra == rb) {
      return;
    }
    // position(x) = shift[x] relative to root; want pos(b) - pos(a) = rel
    parent[rb] = ra;
    shift[rb] = shift[a] + rel - shift[b];
  }

  @Override
  public String toString() {
    return "TrafficAnswers[seed " + seed + ", " + sent.size() + " telegrams, " + depths.size()
        + " depths]";
  }
}
