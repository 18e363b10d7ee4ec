package org.shifrovka.vic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Kahn's published VIC key derivation (keygroup 20818, date 3 September 1945 = 391945, personal
 * number 13, phrase ТОЛЬКО СЛЫШНО НА УЛИЦЕ Г...), every line as in the project's period reference,
 * section 6.3.
 */
class VicKeysTest {
  private static final VicKeys KEYS = VicKeys.derive("ТОЛЬКО СЛЫШНО НА УЛИЦЕ ГДЕ-ТО", "391945",
      13, "20818");

  private static String line(int[] d) {
    return Arrays.stream(d).mapToObj(Integer::toString).collect(Collectors.joining(" "));
  }

  @Test
  void everyLineOfKahnsExample() {
    assertThat(line(KEYS.lineA())).isEqualTo("2 0 8 1 8");
    assertThat(line(KEYS.lineB())).isEqualTo("3 9 1 9 4");
    assertThat(line(KEYS.lineC())).isEqualTo("9 1 7 2 4");
    assertThat(KEYS.lineD()).isEqualTo("ТОЛЬКОСЛЫШНОНАУЛИЦЕГ");
    assertThat(line(KEYS.lineE())).isEqualTo("7 4 2 0 1 5 6 3 9 8 6 8 7 1 9 5 4 0 3 2");
    assertThat(line(KEYS.lineF())).isEqualTo("9 1 7 2 4 0 8 9 6 4");
    assertThat(line(KEYS.lineG())).isEqualTo("6 5 9 2 5 5 4 2 5 2");
    assertThat(line(KEYS.lineH())).isEqualTo("5 9 3 8 9 9 1 8 9 8");
    assertThat(line(KEYS.lineJ())).isEqualTo("3 7 2 4 8 9 1 5 0 6");
    assertThat(line(KEYS.lineKtoP(0))).isEqualTo("4 2 1 7 8 0 9 7 7 2");
    assertThat(line(KEYS.lineKtoP(1))).isEqualTo("6 3 8 5 8 9 6 4 9 8");
    assertThat(line(KEYS.lineKtoP(2))).isEqualTo("9 1 3 3 7 5 0 3 7 7");
    assertThat(line(KEYS.lineKtoP(3))).isEqualTo("0 4 6 0 2 5 3 0 4 7");
    assertThat(line(KEYS.lineKtoP(4))).isEqualTo("4 0 6 2 7 8 3 4 1 1");
    assertThat(KEYS.firstWidth()).isEqualTo(17);
    assertThat(KEYS.secondWidth()).isEqualTo(14);
    assertThat(line(KEYS.lineQ())).isEqualTo("9 6 0 3 3 1 8 3 6 6 4 6 9 0 4 7 5");
    assertThat(line(KEYS.lineR())).isEqualTo("3 0 2 7 4 3 0 4 2 8 7 7 1 2");
    assertThat(line(KEYS.lineS())).isEqualTo("5 0 7 3 8 9 4 6 1 2");
  }

  @Test
  void toStringShowsNoKey() {
    assertThat(KEYS.toString()).isEqualTo("VicKeys[widths 17, 14]");
  }
}
