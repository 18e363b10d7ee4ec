package org.shifrovka.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorProcedureTest {

  @Test
  void radiogram_smallExample_matchesTheGoldenText() throws RadioFormatException {
    List<String> groups =
        List.of(
            "37584", "41652", "93176", "49706", "58737", "10293", "84756", "60012", "55555",
            "90817", "24680", "13579");

    String onAir = OperatorProcedure.radiogram("РАМ", "ЛИС", "15 12 13 1640 СРОЧНАЯ", groups);

    assertThat(onAir)
        .isEqualTo(
            "ЖЖЖ РАМ РАМ РАМ ДЕ ЛИС ЛИС ЩТЦ К\n"
                + "15 12 13 1640 СРОЧНАЯ =\n"
                + "37584 41652 93176 49706 58737 10293 84756 60012 55555 90817\n"
                + "24680 13579\n"
                + "= К");
  }

  @Test
  void radiogram_keysWithTheRussianTable() throws RadioFormatException {
    String onAir = OperatorProcedure.radiogram("РАМ", "ЛИС", "15 1 13 1640", List.of("37584"));

    String morse = MorseCodec.russian().encode(onAir);

    assertThat(morse)
        .startsWith("...- ...- ...- / .-. .- -- / .-. .- -- / .-. .- -- / -.. . /")
        .endsWith("/ -...- / -.-");
    assertThat(MorseCodec.russian().decode(morse)).isEqualTo(onAir.replace('\n', ' '));
  }

  @Test
  void radiogram_rejectsBadPartsNamingTheColumn() {
    assertThatThrownBy(() -> OperatorProcedure.radiogram("RAM", "ЛИС", "15", List.of("12345")))
        .isInstanceOf(RadioFormatException.class)
        .hasMessageContaining("called station call sign \"RAM\" has 'R' at column 1");
    assertThatThrownBy(() -> OperatorProcedure.radiogram("РАМ", "ЛИС", "15 = 3", List.of("12345")))
        .isInstanceOf(RadioFormatException.class)
        .hasMessageContaining("column 4");
    assertThatThrownBy(() -> OperatorProcedure.radiogram("РАМ", "ЛИС", "15 @", List.of("12345")))
        .isInstanceOf(RadioFormatException.class)
        .hasMessageContaining("'@'")
        .hasMessageContaining("column 4");
    assertThatThrownBy(
            () -> OperatorProcedure.radiogram("РАМ", "ЛИС", "15", List.of("12345", "1234")))
        .isInstanceOf(RadioFormatException.class)
        .hasMessageContaining("group 2 \"1234\" has 4 digits");
  }
}
