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
}
