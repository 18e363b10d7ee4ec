package org.shifrovka.cryptanalysis;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a finding compares with the truth, counted in pairs of telegrams with their alignment: a
 * found pair is right if the two telegrams really share key at that shift.
 *
 * @param found pairs found
 * @param truePairs pairs really in depth
 * @param correct found pairs that are really in depth at the shift found
 */
public record DepthScore(int found, int truePairs, int correct) {

  /** Scores a finding against the answers. */
  public static DepthScore of(DepthFinding finding, TrafficAnswers answers) {
    return of(finding.pairs(), answers.truePairs());
  }

  /** Scores found pairs against true pairs. */
  public static DepthScore of(List<DepthPair> found, List<DepthPair> truth) {
    Set<DepthPair> t = new HashSet<>(truth);
    Set<DepthPair> f = new HashSet<>(found);
    int correct = 0;
    for (DepthPair p : f) {
      if (t.contains(p)) {
        correct++;
      }
    }
    return new DepthScore(f.size(), t.size(), correct);
  }

  /** Returns correct / found (1 if nothing was found). */
  public double precision() {
    return found == 0 ? 1 : (double) correct / found;
  }

  /** Returns correct / true pairs (1 if there were none). */
  public double recall() {
    return truePairs == 0 ? 1 : (double) correct / truePairs;
  }
}
