package org.shifrovka.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReceiptTest {

  @Test
  void render_isCyrillicErAndTheNumber() throws RadioFormatException {
    assertThat(Receipt.of(149).render()).isEqualTo("Р 149");
    assertThat(MorseCodec.russian().encode("Р 149"))
        .isEqualTo(MorseCodec.international().encode("R 149"));
  }

  @Property(tries = 200)
  void parse_readsBackWhatRenderWrites(@ForAll @IntRange(min = 1, max = 9999) int number)
      throws RadioFormatException {
    Receipt receipt = Receipt.of(number);

    assertThat(Receipt.parse(receipt.render())).isEqualTo(receipt);
  }

  @ParameterizedTest(name = "\"{0}\" fails at column {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "R 149|1", "Р149|2", "Р  149|3", "Р 0149|3", "'Р 149 '|6", "Р 149 К|6", "Р 14a|5",
        "Р 10000|3", "Р|2"
      })
  void parse_rejectsAnythingElseAtTheRightColumn(String line, int column) {
    assertThatThrownBy(() -> Receipt.parse(line))
        .isInstanceOf(RadioFormatException.class)
        .hasMessageContaining("column " + column)
        .extracting(e -> ((RadioFormatException) e).column())
        .isEqualTo(column);
  }

  @Test
  void of_rejectsNumbersOutOfRange() {
    assertThatThrownBy(() -> Receipt.of(0)).hasMessageContaining("was 0");
  }
}
