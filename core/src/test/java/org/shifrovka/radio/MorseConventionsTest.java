package org.shifrovka.radio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.shifrovka.radio.MorseNotation.ProsignStyle;
import org.shifrovka.radio.MorseNotation.WordSeparator;

/** Morse as other tools write it: the corpus {@code morse-conventions.tsv} and round trips. */
class MorseConventionsTest {

  static Stream<Arguments> corpus() throws IOException {
    try (InputStream in = MorseConventionsTest.class.getResourceAsStream("morse-conventions.tsv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(l -> l.split("\t", -1))
          .map(f -> Arguments.of(f[0], f[1].replace("\\n", "\n").replace("\\r", "\r"), f[2]))
          .toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void everyConventionOfTheCorpus_reads(String name, String morse, String text)
      throws RadioFormatException {
    assertThat(MorseCodec.international().decode(morse)).isEqualTo(text);
  }

  @Test
  void corpus_holdsEveryConventionTheDocsName() throws IOException {
    assertThat(corpus().count()).isGreaterThanOrEqualTo(18);
  }

  @Test
  void tabs_areSpaces_andTwoOfThemAWordGap() throws RadioFormatException {
    assertThat(MorseCodec.international().decode("...\t---\t...")).isEqualTo("SOS");
    assertThat(MorseCodec.international().decode("...\t\t---")).isEqualTo("S O");
  }

  @Test
  void prosignsByName_areKeyedAsTheirPatterns() throws RadioFormatException {
    MorseCodec codec = MorseCodec.international();
    assertThat(codec.encode("<AR>")).isEqualTo(".-.-.");
    assertThat(codec.encode("<bt> <ka> <sk> <as>"))
        .isEqualTo("-...- / -.-.- / ...-.- / .-...");
  }

  @Test
  void prosignStyles_writeAndReadTheSameSignals() throws RadioFormatException {
    MorseAlphabet intl = MorseAlphabet.international();
    String read = MorseCodec.international().decode(".-.-. / -...- / ...-.- / -.-.-");
    assertThat(read).isEqualTo("+ = <SK> <CT>");
    assertThat(MorseNotation.of(WordSeparator.SPACED_SLASH, ProsignStyle.BRACKETS)
        .writeText(read, intl)).isEqualTo("<AR> <BT> <SK> <KA>");
    MorseNotation plain = MorseNotation.of(WordSeparator.SPACED_SLASH, ProsignStyle.PLAIN);
    assertThat(plain.writeText(read, intl)).isEqualTo("AR BT SK KA");
    assertThat(MorseCodec.international().encode(plain.readText("qtc ar sk", intl)))
        .isEqualTo("--.- - -.-. / .-.-. / ...-.-");
    // without the plain style the letters are letters
    assertThat(MorseCodec.international().encode(MorseNotation.standard().readText("AR", intl)))
        .isEqualTo(".- .-.");
  }

  @Property(tries = 200)
  void everyWordSeparator_roundTrips(
      @ForAll @AlphaChars @StringLength(min = 1, max = 8) String a,
      @ForAll @AlphaChars @StringLength(min = 1, max = 8) String b,
      @ForAll WordSeparator separator) throws RadioFormatException {
    MorseCodec codec = MorseCodec.international();
    String text = a.toUpperCase() + " " + b.toUpperCase();
    String written = MorseNotation.of(separator, ProsignStyle.SYMBOL)
        .writeMorse(codec.encode(text));
    assertThat(written).contains(separator.text());
    assertThat(codec.decode(written)).isEqualTo(text);
  }

  @Test
  void writtenSeparators_lookAsTheTableSays() throws RadioFormatException {
    String sos = MorseCodec.international().encode("SOS SOS");
    assertThat(List.of(WordSeparator.values()).stream()
            .map(s -> MorseNotation.of(s, ProsignStyle.SYMBOL).writeMorse(sos)).toList())
        .containsExactly("... --- ... / ... --- ...", "... --- .../... --- ...",
            "... --- ... | ... --- ...", "... --- ...   ... --- ...",
            "... --- ...\n... --- ...");
  }
}
