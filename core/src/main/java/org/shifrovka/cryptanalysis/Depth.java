package org.shifrovka.cryptanalysis;

import java.util.List;
import java.util.Objects;

/**
 * A set of telegrams found in depth, with their alignment on the shared key and the evidence.
 *
 * @param id the depth's number in the finding, from 1
 * @param method how it was found: the same indicator, or coincidences alone
 * @param members the telegrams, in intercept order, with their offsets (the smallest is 0)
 * @param evidence the pairs that joined the set, each with its coincidence count and score
 */
public record Depth(int id, Method method, List<DepthMember> members, List<Evidence> evidence) {

  /** How a depth was found. */
  public enum Method {
    /** The telegrams carry the same indicator (and, across links, coincide too). */
    INDICATOR("indicator"),
    /** The telegrams coincide far more often than chance allows, under different indicators. */
    COINCIDENCE("coincidence");

    private final String id;

    Method(String id) {
      this.id = id;
    }

    /** Returns the id used in reports, {@code indicator} or {@code coincidence}. */
    public String id() {
      return id;
    }
  }

  /**
   * One pair of telegrams and why they are believed in depth.
   *
   * @param pair the two telegrams and their shift
   * @param coincidences the 4-digit windows (at even digits) that are equal in both cipher texts
   *     at the same key position
   * @param windows the windows compared
   * @param score {@code -log10} of the chance of so many coincidences without depth
   * @param sameIndicator whether the two carry the same indicator
   */
  public record Evidence(DepthPair pair, int coincidences, int windows, double score,
      boolean sameIndicator) {
    /** Checks that the pair is given. */
    public Evidence {
      Objects.requireNonNull(pair, "pair");
    }
  }

  /** Copies the lists. */
  public Depth {
    Objects.requireNonNull(method, "method");
    members = List.copyOf(members);
    evidence = List.copyOf(evidence);
  }

  /** Returns the strongest score of the evidence. */
  public double score() {
    double best = 0;
    for (Evidence e : evidence) {
      best = Math.max(best, e.score());
    }
    return best;
  }

  /** Returns the member with an intercept number, or null. */
  public DepthMember member(int interceptId) {
    for (DepthMember m : members) {
      if (m.interceptId() == interceptId) {
        return m;
      }
    }
    return null;
  }
}
