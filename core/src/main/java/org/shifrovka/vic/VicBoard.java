package org.shifrovka.vic;

import org.shifrovka.checkerboard.StraddlingCheckerboard;

/**
 * The checkerboard layouts VIC can use. The layout is fixed; its column digits are line S of each
 * message's key derivation ({@link VicKeys#lineS()}).
 */
public enum VicBoard {
  /**
   * Kahn's Cyrillic board of the 1953 message: СНЕГОПА in the top row, three blank columns, the
   * other letters and the signs below ({@link StraddlingCheckerboard#russian(String)}).
   */
  RUSSIAN {
    @Override
    public StraddlingCheckerboard over(String columnDigits) {
      return StraddlingCheckerboard.russian(columnDigits);
    }
  },
  /**
   * An English board for classroom use: the letters of AT ONE SIR in the top row with its two
   * spaces as the blank columns, the rest of the alphabet, the full stop and the figure shift
   * below (this project's layout).
   */
  ENGLISH {
    @Override
    public StraddlingCheckerboard over(String columnDigits) {
      return StraddlingCheckerboard.builder().columnDigits(columnDigits).topRow("AT ONE SIR")
          .rows("BCDFGHJKLMPQUVWXYZ./").build();
    }
  };

  /** Returns the board with these column digits (a permutation of 0-9, left to right). */
  public abstract StraddlingCheckerboard over(String columnDigits);

  /** True if the board has Н/Т, "start of text" ({@code #}), for {@link VicCipher#cutAt}. */
  public boolean hasStartOfText() {
    return this == RUSSIAN;
  }
}
