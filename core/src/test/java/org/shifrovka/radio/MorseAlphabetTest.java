package org.shifrovka.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MorseAlphabetTest {

  @Test
  void international_keysTheItuTable() {
    MorseAlphabet table = MorseAlphabet.international();

    assertThat(table.code("A")).contains(".-");
    assertThat(table.code("Q")).contains("--.-");
    assertThat(table.code("0")).contains("-----");
    assertThat(table.code("@")).contains(".--.-.");
    assertThat(table.code("<SK>")).contains("...-.-");
    assertThat(table.code("<HH>")).contains("........");
    assertThat(table.symbols()).hasSize(26 + 10 + 13 + 5);
  }

  @Test
  void russian_keysCyrillicWithLatinEquivalents() {
    MorseAlphabet table = MorseAlphabet.russian();

    assertThat(table.code("Ж")).contains("...-");
    assertThat(table.code("Щ")).contains("--.-");
    assertThat(table.code("Ё")).isEqualTo(table.code("Е"));
    assertThat(table.latinEquivalent("Ш")).contains("CH");
    assertThat(table.latinEquivalent("Я")).contains("Ä");
    assertThat(table.latinEquivalent("В")).contains("W");
    assertThat(table.latinEquivalent(",")).contains(".");
    assertThat(table.latinEquivalent("!")).contains(",");
    assertThat(table.latinEquivalent(".")).isEmpty();
    assertThat(table.symbols()).hasSize(32 + 10 + 9 + 5).doesNotContain("Ё");
  }

  @Test
  void russian_everyCyrillicLetterHasTheLatinEquivalentsPattern() {
    MorseAlphabet russian = MorseAlphabet.russian();
    MorseAlphabet international = MorseAlphabet.international();

    for (String symbol : russian.symbols()) {
      String latin = russian.latinEquivalent(symbol).orElse(null);
      if (latin != null && international.code(latin).isPresent()) {
        assertThat(russian.code(symbol)).as(symbol).isEqualTo(international.code(latin));
      }
    }
  }

  @Test
  void tables_haveNoPatternTwice() {
    for (MorseAlphabet table : List.of(MorseAlphabet.international(), MorseAlphabet.russian())) {
      Set<String> codes = new HashSet<>();
      for (String symbol : table.symbols()) {
        assertThat(codes.add(table.code(symbol).orElseThrow())).as(symbol).isTrue();
        assertThat(table.symbol(table.code(symbol).orElseThrow())).contains(symbol);
      }
    }
  }

  @Test
  void sovietServiceSignals_keyLikeTheInternationalOnes() throws RadioFormatException {
    MorseCodec russian = MorseCodec.russian();
    MorseCodec international = MorseCodec.international();

    assertThat(russian.encode("ЖЖЖ ДЕ ЩТЦ ЩСА К"))
        .isEqualTo(international.encode("VVV DE QTC QSA K"));
    assertThat(russian.encode("<СК>")).isEqualTo(international.encode("<SK>"));
  }

  @Test
  void digitKeying_averagesMatchTheReference() {
    assertThat(DigitKeying.FULL.averageDigitUnits()).isEqualTo(14.0);
    assertThat(DigitKeying.FULL.averageGroupUnits()).isEqualTo(89.0);
    assertThat(DigitKeying.CUT.averageDigitUnits()).isEqualTo(6.8, offset(1e-12));
    assertThat(DigitKeying.CUT.averageGroupUnits()).isEqualTo(53.0, offset(1e-12));
  }

  @Test
  void digitKeying_fullFiguresAreTheTableFigures() {
    for (char d = '0'; d <= '9'; d++) {
      assertThat(MorseAlphabet.international().code(String.valueOf(d)))
          .contains(DigitKeying.FULL.code(d));
      assertThat(DigitKeying.CUT.digit(DigitKeying.CUT.code(d))).contains(d);
    }
    assertThat(DigitKeying.CUT.code('5')).isEqualTo(".");
    assertThat(DigitKeying.CUT.code('0')).isEqualTo("-");
  }
}
