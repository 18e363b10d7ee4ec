package org.shifrovka.cryptanalysis;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link DepthFinder} found in a set of intercepts.
 *
 * @param intercepts the number of intercepts searched
 * @param tests the number of (pair, alignment) hypotheses the coincidence test could have
 *     accepted, for the multiple-testing threshold
 * @param threshold the score a pair under different indicators needed ({@code -log10} of the
 *     chance)
 * @param pageTests the hypotheses whose alignment is a whole number of pages
 * @param pageThreshold the score needed at those alignments
 * @param depths the depths, by their first member
 */
public record DepthFinding(int intercepts, long tests, double threshold, long pageTests,
    double pageThreshold, List<Depth> depths) {
  /** Copies the list. */
  public DepthFinding {
    depths = List.copyOf(depths);
  }

  /** Returns every pair of telegrams the depths put together. */
  public List<DepthPair> pairs() {
    List<DepthPair> out = new ArrayList<>();
    for (Depth d : depths) {
      out.addAll(DepthPair.allOf(d.members()));
    }
    return out;
  }

  /**
   * Returns the depth with a number.
   *
   * @throws IllegalArgumentException if there is none
   */
  public Depth depth(int id) {
    for (Depth d : depths) {
      if (d.id() == id) {
        return d;
      }
    }
    throw new IllegalArgumentException("no depth " + id + " (found " + depths.size() + ")");
  }
}
