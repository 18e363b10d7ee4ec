package org.shifrovka.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.shifrovka.MalformedInputException;
import org.shifrovka.text.TelegraphText;

/** parse(render(t)) == t for both text forms, and strict errors for malformed input. */
class TextFormProperties {

  @Property(tries = 500)
  void radiogram_parseOfRenderIsIdentity(@ForAll("radiograms") Radiogram r) throws Exception {
    assertThat(Radiogram.parse(r.render(), "r")).isEqualTo(r);
  }

  @Property(tries = 100)
  void radiograms_severalInOneText(@ForAll("radiogramLists") List<Radiogram> rs) throws Exception {
    assertThat(Radiogram.parseAll(Radiogram.renderAll(rs), "r")).isEqualTo(rs);
  }

  @Property(tries = 100)
  void radiograms_concatenatedWithoutSeparators_readAsWritten(
      @ForAll("radiogramLists") List<Radiogram> rs) throws Exception {
    StringBuilder cat = new StringBuilder(); // as `cat a.txt b.txt` joins single outputs
    for (Radiogram r : rs) {
      cat.append(r.render());
    }
    assertThat(Radiogram.parseAll(cat.toString(), "r")).isEqualTo(rs);
  }

  @Property(tries = 300)
  void radiogram_fromItsGroupBytes_isTheSameRadiogram(@ForAll("radiograms") Radiogram r)
      throws Exception {
    byte[] bytes = r.groupBytes();
    assertThat(bytes).hasSize(r.groups().size() * 5);
    Radiogram b = Radiogram.of(r.number(), r.declaredGroups(), r.day(), r.time(), r.precedence(),
        bytes);
    assertThat(b).isEqualTo(r).hasSameHashCodeAs(r);
    assertThat(b.groups()).isEqualTo(r.groups());
    assertThat(b.groupBytes()).isEqualTo(bytes);
    assertThat(b.render()).isEqualTo(r.render());
    assertThat(b.suspectGroups()).isEqualTo(r.suspectGroups());
    if (bytes.length > 0) {
      bytes[0] = 'X'; // the radiogram holds its own copy
      assertThat(b.groupBytes()).isEqualTo(r.groupBytes());
    }
  }

  @Test
  void radiogram_fromGroupBytes_refusesAnythingButDigitsAndQuestionMarks() {
    LocalTime t = LocalTime.of(16, 40);
    assertThatThrownBy(() -> Radiogram.of(15, 2, 13, t, Precedence.URGENT,
        "123452345".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("five to a group");
    assertThatThrownBy(() -> Radiogram.of(15, 2, 13, t, Precedence.URGENT,
        "123452345x".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"2345x\"");
    assertThat(Radiogram.of(15, 2, 13, t, Precedence.URGENT,
        "1234523?45".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).groups())
        .containsExactly("12345", "23?45");
  }

  @Property(tries = 500)
  void archivalCopy_parseOfRenderIsIdentity(@ForAll("copies") ArchivalCopy a) throws Exception {
    assertThat(ArchivalCopy.parse(a.render(), "a")).isEqualTo(a);
  }

  @Property(tries = 100)
  void archivalCopies_severalInOneText(@ForAll("copies") ArchivalCopy a,
      @ForAll("copies") ArchivalCopy b) throws Exception {
    assertThat(ArchivalCopy.parseAll(ArchivalCopy.renderAll(List.of(a, b)), "a"))
        .containsExactly(a, b);
  }

  @Property(tries = 100)
  void archivalCopies_concatenatedWithoutSeparators_readAsWritten(@ForAll("copies") ArchivalCopy a,
      @ForAll("copies") ArchivalCopy b) throws Exception {
    assertThat(ArchivalCopy.parseAll(a.render() + b.render(), "a")).containsExactly(a, b);
    assertThat(ArchivalCopy.parseAll(a.render() + "\n" + b.render() + "\n", "a"))
        .containsExactly(a, b);
  }

  @Provide
  Arbitrary<Radiogram> radiograms() {
    Arbitrary<String> group = Arbitraries.strings().withChars("0123456789012345678901234567?")
        .ofLength(5);
    return Combinators.combine(Arbitraries.integers().between(0, 99_999),
        Arbitraries.integers().between(0, 9_999), Arbitraries.integers().between(1, 31),
        Arbitraries.integers().between(0, 23 * 60 + 59), Arbitraries.of(Precedence.class),
        group.list().ofMaxSize(95)).as((nr, count, day, minute, p, groups) ->
            Radiogram.of(nr, count, day, LocalTime.of(minute / 60, minute % 60), p, groups));
  }

  @Provide
  Arbitrary<List<Radiogram>> radiogramLists() {
    return radiograms().filter(r -> !r.groups().isEmpty()).list().ofMaxSize(5);
  }

  @Provide
  Arbitrary<ArchivalCopy> copies() {
    Arbitrary<String> word = Arbitraries.oneOf(
        Arbitraries.strings().withChars("ABCXYZАБВЯ0123456789").ofMinLength(1).ofMaxLength(14),
        Arbitraries.of("1.", "12.", "KAI-SHEK", "GOVERNMENT'S", "[2 groups garbled]",
            "[1 group garbled]", "[part 3 missing]", TelegraphText.PARAGRAPH));
    // paragraph breaks anywhere, also first, last and several in a row (a part of a long message
    // can open or end on one)
    Arbitrary<TelegraphText> text = word.list().ofMinSize(1).ofMaxSize(80)
        .filter(l -> l.stream().anyMatch(t -> !t.equals(TelegraphText.PARAGRAPH)))
        .map(TelegraphText::of);
    Arbitrary<ClosingLine> closing = Combinators.combine(Arbitraries.integers().between(0, 99_999),
        Arbitraries.of("TEREBIN", "KUZNETSOV", "ОРЛОВ"), Arbitraries.integers().between(1, 365))
        .as((s, n, d) -> new ClosingLine(s, n, MonthDay.from(java.time.LocalDate.ofYearDay(1949,
            d))));
    Arbitrary<Integer> parts = Arbitraries.integers().between(1, 5);
    return Combinators.combine(Arbitraries.integers().between(0, 99_999),
        Arbitraries.of(Optional.<String>empty(), Optional.of("FILIPPOV")), parts,
        Arbitraries.integers().between(1, 5), text, closing)
        .as((reg, addressee, n, k, t, c) -> new ArchivalCopy(RegistryNumber.of(reg), "KUZNETSOV",
            addressee, Math.min(k, n), n, t, c));
  }

  @Test
  void radiogram_badHeader_namesLineAndColumn() {
    assertThatThrownBy(() -> Radiogram.parse("15 3 13 2561 СРОЧНАЯ =\n11111 22222 33333\n", "r.txt"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage("r.txt:1:9: no such time 2561");
    assertThatThrownBy(() -> Radiogram.parse("15 3 13 2201 URGENT =\n11111\n", "r.txt"))
        .hasMessageStartingWith("r.txt:1:14: unknown precedence \"URGENT\"");
    assertThatThrownBy(() -> Radiogram.parse("hello\n", "r.txt"))
        .hasMessageStartingWith("r.txt:1:1: expected a header");
  }

  @Test
  void radiogram_badGroup_namesLineAndColumn() {
    assertThatThrownBy(() -> Radiogram.parse("15 3 13 2201 СРОЧНАЯ =\n11111 2222x 33333\n",
        "r.txt")).hasMessage("r.txt:2:7: expected a 5-digit group (digits or ?), found \"2222x\"");
  }

  @Test
  void radiogram_reportsSuspectGroupsAndCompleteness() {
    Radiogram r = Radiogram.of(1, 3, 1, LocalTime.NOON, Precedence.ORDINARY,
        List.of("11111", "2?222"));
    assertThat(r.suspectGroups()).containsExactly(2);
    assertThat(r.complete()).isFalse();
  }

  @Test
  void serialDateGroup_acceptsTheSendersDayAroundMidnightOnly() {
    java.util.function.BiFunction<Integer, String, Boolean> fits = (day, last) -> Radiogram.of(15,
        2, day, LocalTime.NOON, Precedence.ORDINARY, List.of("11111", last)).serialDateGroupFits();
    assertThat(fits.apply(13, "01513")).isTrue();
    assertThat(fits.apply(13, "01514")).isTrue();
    assertThat(fits.apply(13, "01512")).isTrue();
    assertThat(fits.apply(13, "01515")).isFalse();
    assertThat(fits.apply(13, "01613")).isFalse();
    assertThat(fits.apply(31, "01501")).isTrue();
    assertThat(fits.apply(1, "01530")).isTrue();
    assertThat(fits.apply(13, "015?3")).isFalse();
  }

  @Test
  void archivalCopy_badClosingLine_namesTheLine() {
    String text = "CIPHERED TELEGRAM No. 50450\nComrade KUZNETSOV\n\nHELLO\n\nNo. 15 TEREBIN\n";
    assertThatThrownBy(() -> ArchivalCopy.parse(text, "a.txt"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageStartingWith("a.txt:6:1: expected a closing line");
  }

  @Test
  void archivalCopy_rendersLikeTheArchive() {
    ArchivalCopy a = new ArchivalCopy(RegistryNumber.of(50450), "KUZNETSOV",
        Optional.of("FILIPPOV"), 1, 3, TelegraphText.parseCanonical(
            "COMRADE FILIPPOV COMMA\n\n1. WE [2 groups garbled] THINK"),
        new ClosingLine(15, "TEREBIN", MonthDay.of(1, 13)));
    assertThat(a.render()).isEqualTo("CIPHERED TELEGRAM No. 50450\nComrade KUZNETSOV\nFor FILIPPOV\n"
        + "Part 1 of 3\n\nCOMRADE FILIPPOV COMMA\n\n1. WE [2 groups garbled] THINK\n\n"
        + "No. 15 - TEREBIN - 13 January\n");
  }
}
