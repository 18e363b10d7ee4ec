package org.shifrovka.transposition;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

class TranspositionProperties {

  @Property(tries = 300)
  void doubleTranspositionRoundTrips(@ForAll @StringLength(max = 200) String text,
      @ForAll @AlphaChars @StringLength(min = 1, max = 20) String key1,
      @ForAll @NumericChars @StringLength(min = 1, max = 20) String key2) {
    DoubleTransposition d = new DoubleTransposition(ColumnarTransposition.ofKeyword(key1),
        ColumnarTransposition.ofDigits(key2));
    String c = d.encipher(text);
    assertThat(c).hasSameSizeAs(text);
    assertThat(d.decipher(c)).isEqualTo(text);
  }

  @Property(tries = 300)
  void disruptedTranspositionRoundTrips(@ForAll @StringLength(max = 400) String text,
      @ForAll @NumericChars @StringLength(min = 1, max = 30) String key) {
    DisruptedTransposition d = DisruptedTransposition.ofDigits(key);
    String c = d.encipher(text);
    assertThat(c).hasSameSizeAs(text);
    assertThat(d.decipher(c)).isEqualTo(text);
    // the top row's cells left of the column numbered 1 are never in an area
    boolean[] cells = d.disruptedCells(text.length());
    int[] numbers = ColumnarTransposition.ofDigits(key).columnNumbers();
    int first = 0;
    while (numbers[first] != 1) {
      first++;
    }
    for (int col = 0; col < Math.min(first, text.length()); col++) {
      assertThat(cells[col]).isFalse();
    }
  }
}
