package org.shifrovka.radio;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The groups of the first 1949 radiogram used across the radio tests. */
final class FirstRadiogram {

  /** The five fixed groups the radiogram opens with. */
  static final List<String> OPENING = List.of("37584", "41652", "93176", "49706", "58737");

  /** Seed of the 55 groups that follow the opening ones. */
  static final long SEED = 1949L;

  private FirstRadiogram() {}

  /** Returns the 60 groups: the five fixed ones and 55 drawn from {@link #SEED}. */
  static List<String> groups() {
    List<String> groups = new ArrayList<>(OPENING);
    SplittableRandom random = new SplittableRandom(SEED);
    while (groups.size() < 60) {
      groups.add(String.format("%05d", random.nextInt(100_000)));
    }
    return List.copyOf(groups);
  }
}
