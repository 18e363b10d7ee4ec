package org.shifrovka.vic;

import java.util.List;
import java.util.Objects;
import org.shifrovka.checkerboard.StraddlingCheckerboard;

/**
 * One VIC message deciphered, every line of the receiver's work sheet kept. The lines carry the
 * names of the {@link VicEncipherment} lines they match: {@code secondTransposition} is the digits
 * received without the keygroup, {@code firstTransposition} those digits with the disrupted
 * transposition undone, {@code checkerboardDigits} with the columnar one undone too. Every line is
 * a secret but the groups: {@link #toString()} shows none.
 *
 * @param keys the keys derived from the keygroup found in the groups
 * @param board the checkerboard over line S
 * @param groups the groups received, the keygroup among them
 * @param indicatorIndex the index of the keygroup in {@code groups}
 * @param secondTransposition the digits received, the keygroup taken out
 * @param firstTransposition the digits with the second (disrupted) transposition undone
 * @param checkerboardDigits the digits with the first transposition undone too
 * @param text the checkerboard's reading of them
 */
public record VicDecipherment(VicKeys keys, StraddlingCheckerboard board, List<String> groups,
    int indicatorIndex, String secondTransposition, String firstTransposition,
    String checkerboardDigits, String text) {

  /** Checks the lines and copies the groups. */
  public VicDecipherment {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(board, "board");
    groups = List.copyOf(groups);
    Objects.requireNonNull(secondTransposition, "secondTransposition");
    Objects.requireNonNull(firstTransposition, "firstTransposition");
    Objects.requireNonNull(checkerboardDigits, "checkerboardDigits");
    Objects.requireNonNull(text, "text");
    if (indicatorIndex < 0 || indicatorIndex >= groups.size()) {
      throw new IllegalArgumentException("the keygroup's index is outside the groups");
    }
  }

  /** Returns the keygroup found. */
  public String keygroup() {
    return groups.get(indicatorIndex);
  }

  @Override
  public String toString() {
    return "VicDecipherment[" + groups.size() + " groups]";
  }
}
