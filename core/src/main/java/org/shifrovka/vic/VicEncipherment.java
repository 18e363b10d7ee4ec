package org.shifrovka.vic;

import java.util.List;
import java.util.Objects;
import org.shifrovka.checkerboard.StraddlingCheckerboard;
import org.shifrovka.transposition.DisruptedTransposition;

/**
 * One VIC message enciphered, every line of the work sheet kept: the message's keys, the board
 * they give, the checkerboard's digits, the digits after the first (columnar) transposition, after
 * the second (disrupted) one, and the groups sent, the keygroup among them. Every line but the
 * groups is a secret: {@link #toString()} shows none.
 *
 * @param keys the keys derived from the keygroup (lines A to S)
 * @param board the checkerboard over line S
 * @param checkerboardDigits the message through the checkerboard
 * @param firstTransposition the digits after the first transposition (key line Q)
 * @param secondTransposition the digits after the disrupted second transposition (key line R)
 * @param groups the groups sent: the second transposition's digits in fives, the keygroup inserted
 * @param indicatorIndex the index of the keygroup in {@code groups}
 */
public record VicEncipherment(VicKeys keys, StraddlingCheckerboard board,
    String checkerboardDigits, String firstTransposition, String secondTransposition,
    List<String> groups, int indicatorIndex) {

  /** Checks the lines and copies the groups. */
  public VicEncipherment {
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(board, "board");
    Objects.requireNonNull(checkerboardDigits, "checkerboardDigits");
    Objects.requireNonNull(firstTransposition, "firstTransposition");
    Objects.requireNonNull(secondTransposition, "secondTransposition");
    groups = List.copyOf(groups);
    if (indicatorIndex < 0 || indicatorIndex >= groups.size()) {
      throw new IllegalArgumentException("the keygroup's index is outside the groups");
    }
  }

  /** Returns the keygroup as sent. */
  public String keygroup() {
    return groups.get(indicatorIndex);
  }

  /**
   * Returns the second table as the sender filled it, row by row ({@code keys().secondWidth()}
   * cells a row, the last row may be short): the first transposition's digits around the
   * disruption areas, then in them. It is read out by columns into
   * {@link #secondTransposition()}.
   */
  public String disruptedTable() {
    return secondTable().table(firstTransposition);
  }

  /** Returns which cells of {@link #disruptedTable()} lie in a disruption area. */
  public boolean[] disruptedCells() {
    return secondTable().disruptedCells(firstTransposition.length());
  }

  private DisruptedTransposition secondTable() {
    return DisruptedTransposition.ofDigits(VicCipher.digits(keys.lineR()));
  }

  /** Returns the ciphertext: the groups, ten a line, each line ended by a newline. */
  public String ciphertext() {
    return VicEncipherment.lines(groups);
  }

  static String lines(List<String> groups) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < groups.size(); i++) {
      if (i > 0) {
        sb.append(i % 10 == 0 ? '\n' : ' ');
      }
      sb.append(groups.get(i));
    }
    return sb.append('\n').toString();
  }

  @Override
  public String toString() {
    return "VicEncipherment[" + groups.size() + " groups]";
  }
}
