package org.shifrovka.cryptanalysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Two telegrams in depth and their alignment: {@code second}'s first text group sits
 * {@code shift} groups after {@code first}'s on the shared key (negative: before).
 *
 * @param first the lower intercept number
 * @param second the higher intercept number
 * @param shift the second's offset minus the first's, in groups
 */
public record DepthPair(int first, int second, int shift) {
  /**
   * Checks the order.
   *
   * @throws IllegalArgumentException unless {@code first < second}
   */
  public DepthPair {
    if (first >= second) {
      throw new IllegalArgumentException("a pair names the lower intercept first: " + first
          + ", " + second);
    }
  }

  /** Returns every pair of a depth's members. */
  public static List<DepthPair> allOf(List<DepthMember> members) {
    List<DepthPair> out = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      for (int j = i + 1; j < members.size(); j++) {
        DepthMember a = members.get(i);
        DepthMember b = members.get(j);
        out.add(a.interceptId() < b.interceptId()
            ? new DepthPair(a.interceptId(), b.interceptId(), b.offset() - a.offset())
            : new DepthPair(b.interceptId(), a.interceptId(), a.offset() - b.offset()));
      }
    }
    return out;
  }
}
