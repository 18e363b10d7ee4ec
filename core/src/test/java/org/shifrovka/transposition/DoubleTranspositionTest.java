package org.shifrovka.transposition;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DoubleTranspositionTest {
  private static final String PLAIN = "WEAREDISCOVEREDFLEEATONCE";

  @Test
  void columnarKnownAnswer_irregularFinalRow() {
    // the columnar example of Wikipedia's "Transposition cipher": key ZEBRAS, no nulls
    ColumnarTransposition zebras = ColumnarTransposition.ofKeyword("ZEBRAS");
    assertThat(zebras.columnNumbers()).containsExactly(6, 3, 2, 4, 1, 5);
    assertThat(zebras.encipher(PLAIN)).isEqualTo("EVLNACDTESEAROFODEECWIREE");
    assertThat(zebras.decipher("EVLNACDTESEAROFODEECWIREE")).isEqualTo(PLAIN);
  }

  @Test
  void doubleKnownAnswer() {
    // Wikipedia's double transposition: ZEBRAS, then STRIPE
    DoubleTransposition d = DoubleTransposition.ofKeywords("ZEBRAS", "STRIPE");
    assertThat(d.encipher(PLAIN)).isEqualTo("CAEENSOIAEDRLEFWEDREEVTOC");
    assertThat(d.decipher("CAEENSOIAEDRLEFWEDREEVTOC")).isEqualTo(PLAIN);
  }

  @Test
  void digitKeysRankZeroAfterNine() {
    assertThat(ColumnarTransposition.ofDigits("3019").columnNumbers()).containsExactly(2, 4, 1, 3);
    assertThat(ColumnarTransposition.ofDigits("3019").toString()).doesNotContain("3019");
  }
}
