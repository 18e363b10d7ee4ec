package org.shifrovka.radio;

import java.util.List;
import org.shifrovka.scenario.Scenario1949;

/**
 * The groups of the first 1949 radiogram (No. 15 of the standard scenario run, 249 groups), used
 * across the radio tests.
 */
final class FirstRadiogram {
  private static final List<String> GROUPS =
      Scenario1949.standard().run().radiograms().get(0).groups();

  private FirstRadiogram() {}

  /** Returns the radiogram's groups: indicator, cipher text, end group, serial/date group. */
  static List<String> groups() {
    return GROUPS;
  }
}
