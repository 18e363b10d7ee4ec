package org.shifrovka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.codebook.CodebookStyle;
import org.shifrovka.codebook.Vocabulary;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadGenerator;
import org.shifrovka.pad.PadLedger;
import org.shifrovka.telegram.Radiogram;
import org.shifrovka.telegram.Station;
import org.shifrovka.telegram.Telegram;
import org.shifrovka.text.Language;

/** decode(encode(x)) == canonical(x), through the whole pipeline, for random text. */
class RoundTripProperties {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("1949-01-13T13:40:00Z"),
      ZoneOffset.UTC);
  private static final PadBook PADS = PadGenerator.seededInsecure(42).generate(20_000, 60);
  private static final Codebook RU = Codebook.generate(Vocabulary.builtIn(Language.RUSSIAN),
      CodebookStyle.TWO_PART, 1);
  private static final Codebook EN_ONE_PART = Codebook.generate(
      Vocabulary.builtIn(Language.ENGLISH), CodebookStyle.ONE_PART, 2);
  private static final CipherOffice RU_OFFICE = office(RU);
  private static final CipherOffice EN_OFFICE = office(EN_ONE_PART);

  private static CipherOffice office(Codebook book) {
    return CipherOffice.builder().codebook(book).padBook(PADS).ledger(PadLedger.inMemory(CLOCK))
        .clock(CLOCK).maxGroups(40)
        .from(Station.of("TEREBIN", "Xibaipo", "Asia/Shanghai"))
        .to(Station.of("KUZNETSOV", "Moscow", "Europe/Moscow")).build();
  }

  @Property(tries = 300)
  void russianText_roundTrips(@ForAll("russian") String text) throws Exception {
    roundTrip(RU_OFFICE, text);
  }

  @Property(tries = 300)
  void englishText_roundTrips(@ForAll("english") String text) throws Exception {
    roundTrip(EN_OFFICE, text);
  }

  @Property(tries = 300)
  void mixedText_roundTripsWithEitherBook(@ForAll("mixed") String text) throws Exception {
    roundTrip(RU_OFFICE, text);
    roundTrip(EN_OFFICE, text);
  }

  private static void roundTrip(CipherOffice office, String text) throws Exception {
    String canonical = office.canonical(text, "<text>").toString();
    List<Radiogram> sent = new ArrayList<>(office.encipher(text, "<text>").telegrams().stream()
        .map(Telegram::radiogram).toList());
    Collections.shuffle(sent, new java.util.Random(text.hashCode()));
    Decipherment d = office.decipher(sent);
    assertThat(d.problems()).isEmpty();
    assertThat(d.messages()).hasSize(1);
    assertThat(d.messages().get(0).text().toString()).isEqualTo(canonical);
  }

  @Provide
  Arbitrary<String> russian() {
    return text(words(Vocabulary.builtIn(Language.RUSSIAN).entries(),
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"));
  }

  @Provide
  Arbitrary<String> english() {
    return text(words(Vocabulary.builtIn(Language.ENGLISH).entries(),
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéñ"));
  }

  @Provide
  Arbitrary<String> mixed() {
    return text(Arbitraries.oneOf(words(Vocabulary.builtIn(Language.RUSSIAN).entries(),
        "жзийклЖЗИЙЁё"), words(Vocabulary.builtIn(Language.ENGLISH).entries(), "qxzQXZ")));
  }

  /** Known words and phrases (in any case), made-up words, numbers and hyphenated words. */
  private static Arbitrary<String> words(List<String> vocabulary, String letters) {
    Arbitrary<String> known = Arbitraries.of(vocabulary).map(w -> w.toLowerCase());
    Arbitrary<String> invented = Arbitraries.strings().withChars(letters.toCharArray())
        .ofMinLength(1).ofMaxLength(12);
    Arbitrary<String> number = Arbitraries.integers().between(0, 100_000).map(String::valueOf);
    Arbitrary<String> hyphenated = invented.list().ofMinSize(2).ofMaxSize(3)
        .map(l -> String.join("-", l));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(6, known), net.jqwik.api.Tuple.of(3, invented),
        net.jqwik.api.Tuple.of(1, number), net.jqwik.api.Tuple.of(1, hyphenated));
  }

  private static Arbitrary<String> text(Arbitrary<String> words) {
    Arbitrary<String> sep = Arbitraries.of(" ", " ", " ", ", ", ". ", ": ", " -- ", " (", ") ",
        " «", "» ", "\"", "? ", "! ", "\n", "\n\n", "\n\n3. ", " / ", "…", " № ", "  ");
    return net.jqwik.api.Combinators.combine(words.list().ofMinSize(1).ofMaxSize(60),
        sep.list().ofMinSize(60).ofMaxSize(60)).as((ws, ss) -> {
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < ws.size(); i++) {
            sb.append(ws.get(i)).append(ss.get(i));
          }
          return sb.toString();
        });
  }

  @Property(tries = 50)
  void partCount_isRespected(@ForAll @IntRange(min = 1, max = 5) int parts) throws Exception {
    CipherOffice o = CipherOffice.builder().codebook(RU).padBook(PADS)
        .ledger(PadLedger.inMemory(CLOCK)).clock(CLOCK).parts(parts)
        .from(Station.of("A", "a", "UTC")).to(Station.of("B", "b", "UTC")).build();
    Encipherment e = o.encipher("раз два три четыре пять шесть семь восемь", "<t>");
    assertThat(e.telegrams()).hasSize(parts);
    assertThat(o.decipher(e.telegrams().stream().map(Telegram::radiogram).toList()).messages()
        .get(0).text()).isEqualTo(e.text());
  }
}
