package org.shifrovka.transposition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The disruption areas of Kahn's figure 4 (the second table of the 1953 message: key R = 3 0 2 7
 * 4 3 0 4 2 8 7 7 1 2, 1030 digits, 74 rows of 14), as transcribed in
 * github.com/Csi18nAlistairMann/vic-cipher, "Investigation of VIC Cipher.md", where a star marks
 * where each row's area begins.
 */
class DisruptedTranspositionTest {
  private static final DisruptedTransposition R = DisruptedTransposition.ofDigits("30274304287712");

  /** Returns the column where row {@code row}'s area begins, or -1 for a row left whole. */
  private static int areaStart(boolean[] disrupted, int row) {
    for (int col = 0; col < 14; col++) {
      int cell = row * 14 + col;
      if (cell < disrupted.length && disrupted[cell]) {
        return col;
      }
    }
    return -1;
  }

  @Test
  void theAreasOfKahnsFigureFour() {
    boolean[] d = R.disruptedCells(1030);
    // area 1 (the column numbered 1 is the 13th): rows 1-2, then row 3 whole
    assertThat(areaStart(d, 0)).isEqualTo(12);
    assertThat(areaStart(d, 1)).isEqualTo(13);
    assertThat(areaStart(d, 2)).isEqualTo(-1);
    // area 2 (column 3) from row 4 to row 15, then row 16 whole
    for (int row = 3; row <= 14; row++) {
      assertThat(areaStart(d, row)).isEqualTo(row - 1);
    }
    assertThat(areaStart(d, 15)).isEqualTo(-1);
    // areas 3 (column 9), 4 (column 14), 5 (column 1), 6 (column 6): the figure's stars
    assertThat(areaStart(d, 16)).isEqualTo(8);
    assertThat(areaStart(d, 23)).isEqualTo(13);
    assertThat(areaStart(d, 24)).isEqualTo(-1);
    assertThat(areaStart(d, 25)).isEqualTo(0);
    assertThat(areaStart(d, 40)).isEqualTo(5);
    assertThat(areaStart(d, 49)).isEqualTo(-1);
    // the last row is 8 cells long and its area begins in its 8th
    assertThat(areaStart(d, 73)).isEqualTo(7);
    assertThat(d[73 * 14 + 7]).isTrue();
  }

  @Test
  void fillsAroundTheAreasFirst() {
    // width 3, key 1 2 3, 11 cells (rows FGH / AIJ / BCK / DE): the area of column 1 is row 1
    // whole, row 2 from column 2, row 3 column 3; row 4 is left whole
    DisruptedTransposition t = DisruptedTransposition.ofDigits("123");
    assertThat(t.table("ABCDEFGHIJK")).isEqualTo("FGHAIJBCKDE");
    assertThat(t.encipher("ABCDEFGHIJK")).isEqualTo("FABDGICEHJK");
    assertThat(t.decipher("FABDGICEHJK")).isEqualTo("ABCDEFGHIJK");
  }

  @Test
  void toStringShowsNoKey() {
    assertThat(R.toString()).isEqualTo("DisruptedTransposition[width 14]");
  }
}
