package org.shifrovka.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.Locale;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MorseCodecTest {

  static Stream<Arguments> everySymbol() {
    return Stream.of(MorseAlphabet.international(), MorseAlphabet.russian())
        .flatMap(table -> table.symbols().stream().map(symbol -> Arguments.of(table, symbol)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everySymbol")
  void encodeThenDecode_everyTableSymbol_roundTrips(MorseAlphabet table, String symbol)
      throws RadioFormatException {
    MorseCodec codec = MorseCodec.builder().alphabet(table).build();

    String morse = codec.encode(symbol);

    assertThat(morse).isEqualTo(table.code(symbol).orElseThrow());
    assertThat(codec.decode(morse)).isEqualTo(symbol);
  }

  @Test
  void encode_separatesCharactersAndWords() throws RadioFormatException {
    assertThat(MorseCodec.international().encode("sos  de\nR"))
        .isEqualTo("... --- ... / -.. . / .-.");
    assertThat(MorseCodec.russian().encode("ЖЖЖ ДЕ")).isEqualTo("...- ...- ...- / -.. .");
    assertThat(MorseCodec.international().encode("  ")).isEmpty();
  }

  @Test
  void decode_acceptsExtraSpacesAndRepeatedWordGaps() throws RadioFormatException {
    assertThat(MorseCodec.international().decode("  ...   ---  /  / ... "))
        .isEqualTo("SO S");
  }

  @Test
  void encode_unknownCharacter_namesItAndItsColumn() {
    assertThatThrownBy(() -> MorseCodec.russian().encode("ЖЖЖ Q"))
        .isInstanceOf(RadioFormatException.class)
        .hasMessage("'Q' (U+0051) has no pattern in the Russian Morse table")
        .extracting(e -> ((RadioFormatException) e).column())
        .isEqualTo(5);
  }

  @Test
  void encode_unclosedProcedureSignal_isRejected() {
    assertThatThrownBy(() -> MorseCodec.international().encode("AB <SK"))
        .isInstanceOf(RadioFormatException.class)
        .hasMessageContaining("column 4");
  }

  @Test
  void decode_unknownPattern_namesItAndItsColumn() {
    assertThatThrownBy(() -> MorseCodec.international().decode(".- ......-"))
        .isInstanceOf(RadioFormatException.class)
        .hasMessageContaining("......-")
        .extracting(e -> ((RadioFormatException) e).column())
        .isEqualTo(4);
  }

  @Test
  void decode_foreignCharacter_namesItsColumn() {
    assertThatThrownBy(() -> MorseCodec.international().decode(".- .x"))
        .isInstanceOf(RadioFormatException.class)
        .hasMessage("'x' in the Morse stream is not a dot, dash, space or word separator (/ or |)")
        .extracting(e -> ((RadioFormatException) e).column())
        .isEqualTo(5);
  }

  @Test
  void replacement_isKeyedAndReadForUnknownSymbols() throws RadioFormatException {
    MorseCodec codec =
        MorseCodec.builder().alphabet(MorseAlphabet.russian()).replaceUnknownWith("?").build();

    assertThat(codec.encode("ДQ")).isEqualTo("-.. ..--..");
    assertThat(codec.decode("-.. ...-.-.-")).isEqualTo("Д?");
  }

  @Test
  void builder_replacementOutsideTheTable_fails() {
    assertThatThrownBy(
            () ->
                MorseCodec.builder()
                    .alphabet(MorseAlphabet.russian())
                    .replaceUnknownWith("@")
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'@'");
  }

  @Test
  void groups_roundTripInFullAndCutFigures() throws RadioFormatException {
    List<String> groups = List.of("37584", "41652", "93176", "49706", "58737");
    for (DigitKeying keying : DigitKeying.values()) {
      MorseCodec codec = MorseCodec.builder().digitKeying(keying).build();
      assertThat(codec.decodeGroups(codec.encodeGroups(groups))).isEqualTo(groups);
    }
    MorseCodec cut = MorseCodec.builder().digitKeying(DigitKeying.CUT).build();
    assertThat(cut.encodeGroups(List.of("150"))).isEqualTo(".- . -");
  }

  @Test
  void encodeGroups_nonDigit_namesGroupAndColumn() {
    assertThatThrownBy(() -> MorseCodec.international().encodeGroups(List.of("12345", "12a45")))
        .isInstanceOf(RadioFormatException.class)
        .hasMessageContaining("group 2")
        .hasMessageContaining("'a'")
        .hasMessageContaining("column 3");
  }

  @Test
  void decodeGroups_emptyGroupOrLetter_isRejectedWithColumn() {
    assertThatThrownBy(() -> MorseCodec.international().decodeGroups(".---- / / ..---"))
        .isInstanceOf(RadioFormatException.class)
        .hasMessageContaining("group 2 is empty")
        .extracting(e -> ((RadioFormatException) e).column())
        .isEqualTo(9);
    assertThatThrownBy(() -> MorseCodec.international().decodeGroups(".---- .-"))
        .isInstanceOf(RadioFormatException.class)
        .hasMessageContaining("Morse pattern .- is not in the figures")
        .extracting(e -> ((RadioFormatException) e).column())
        .isEqualTo(7);
  }

  @Property(tries = 200)
  void cyrillicText_roundTripsThroughTheRussianTable(@ForAll("cyrillicText") String text)
      throws RadioFormatException {
    MorseCodec codec = MorseCodec.russian();

    String decoded = codec.decode(codec.encode(text));

    assertThat(decoded).isEqualTo(normalise(text));
  }

  @Provide
  Arbitrary<String> cyrillicText() {
    return Arbitraries.strings()
        .withChars("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя")
        .withChars("0123456789.,!:;?\"-= \n")
        .ofMinLength(0)
        .ofMaxLength(60);
  }

  @Property(tries = 500)
  void decode_tablePathAgreesWithTheTokenPath(@ForAll("morseLike") String morse) {
    for (MorseCodec codec : List.of(MorseCodec.russian(), MorseCodec.international(),
        MorseCodec.builder().replaceUnknownWith("?").build())) {
      assertThat(outcome(() -> codec.decode(morse))).isEqualTo(
          outcome(() -> codec.decodeGeneral(morse)));
    }
  }

  @Property(tries = 500)
  void decodeGroups_tablePathAgreesWithTheTokenPath(@ForAll("morseLike") String morse) {
    for (MorseCodec codec : List.of(MorseCodec.russian(),
        MorseCodec.builder().digitKeying(DigitKeying.CUT).build())) {
      assertThat(outcome(() -> codec.decodeGroups(morse))).isEqualTo(
          outcome(() -> codec.decodeGroupsGeneral(morse)));
    }
  }

  @Property(tries = 300)
  void decodeGroups_ofEncodedGroups_agreesWithTheTokenPath(
      @ForAll("digitGroups") List<String> groups) throws RadioFormatException {
    for (MorseCodec codec : List.of(MorseCodec.russian(),
        MorseCodec.builder().digitKeying(DigitKeying.CUT).build())) {
      String morse = codec.encodeGroups(groups);
      assertThat(codec.decodeGroups(morse)).isEqualTo(groups)
          .isEqualTo(codec.decodeGroupsGeneral(morse));
    }
  }

  @Property(tries = 300)
  void encode_isEachSymbolsPatternJoinedByGaps(@ForAll("mixedText") String text)
      throws RadioFormatException {
    MorseCodec codec = MorseCodec.russian();
    MorseAlphabet table = codec.alphabet();
    StringBuilder expected = new StringBuilder();
    for (String word : text.trim().split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      expected.append(expected.length() == 0 ? "" : MorseCodec.WORD_GAP);
      for (int k = 0; k < word.length(); k++) {
        expected.append(k == 0 ? "" : " ");
        String symbol = String.valueOf(word.charAt(k)).toUpperCase(Locale.ROOT);
        if (word.startsWith("<СК>", k)) {
          symbol = "<СК>";
          k += 3;
        }
        expected.append(table.code(symbol).orElseThrow());
      }
    }

    assertThat(codec.encode(text)).isEqualTo(expected.toString());
  }

  @Provide
  Arbitrary<String> morseLike() {
    return Arbitraries.strings().withChars(".- /").ofMinLength(0).ofMaxLength(40)
        .edgeCases(c -> c.add("........").add(".........").add("/ .- /").add(". x"));
  }

  @Provide
  Arbitrary<List<String>> digitGroups() {
    return Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(7).list().ofMaxSize(12);
  }

  @Provide
  Arbitrary<String> mixedText() {
    Arbitrary<String> symbols = Arbitraries.of("А", "я", "Ё", "Щ", "7", ".", ",", "?", "=", "<СК>",
        " ", "  ", "\n", "\t");
    return symbols.list().ofMaxSize(30).map(l -> String.join("", l));
  }

  /** The result of a call, or the message and column of its error, for comparing two paths. */
  private static String outcome(Callable<?> call) {
    try {
      return "ok " + call.call();
    } catch (RadioFormatException e) {
      return "error " + e.getMessage() + " at " + e.column();
    } catch (Exception e) {
      return "unexpected " + e;
    }
  }

  private static String normalise(String text) {
    return text.toUpperCase(Locale.ROOT).replace('Ё', 'Е').trim().replaceAll("\\s+", " ");
  }
}
