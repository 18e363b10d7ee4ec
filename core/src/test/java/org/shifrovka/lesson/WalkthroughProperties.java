package org.shifrovka.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.shifrovka.CipherOffice;
import org.shifrovka.Decipherment;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.codebook.CodebookStyle;
import org.shifrovka.codebook.Vocabulary;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadGenerator;
import org.shifrovka.pad.PadLedger;
import org.shifrovka.telegram.Station;
import org.shifrovka.telegram.Telegram;
import org.shifrovka.text.Language;

/**
 * Any English or Russian text of up to 10 KB walks through all 14 stages, and its radiograms
 * decipher to its canonical form.
 */
class WalkthroughProperties {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("1949-01-13T13:40:00Z"),
      ZoneOffset.UTC);
  private static final PadBook PADS = PadGenerator.seededInsecure(3).generate(400, 60);
  private static final Codebook EN = Codebook.generate(Vocabulary.builtIn(Language.ENGLISH),
      CodebookStyle.TWO_PART, 5);
  private static final Codebook RU = Codebook.generate(Vocabulary.builtIn(Language.RUSSIAN),
      CodebookStyle.ONE_PART, 6);

  @Property(tries = 100)
  void englishText_walksEveryStage_andDecodesToItsCanonicalForm(@ForAll("english") String text)
      throws Exception {
    walk(EN, text);
  }

  @Property(tries = 100)
  void russianText_walksEveryStage_andDecodesToItsCanonicalForm(@ForAll("russian") String text)
      throws Exception {
    walk(RU, text);
  }

  private static void walk(Codebook book, String text) throws Exception {
    assertThat(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(10_240);
    CipherOffice sender = office(book).ledger(PadLedger.inMemory(CLOCK)).build();
    CipherOffice receiver = office(book).build();
    Walkthrough w = Walkthrough.builder().sender(sender).receiver(receiver)
        .seed(text.hashCode()).build(text, "<text>");
    assertThat(w.stages()).extracting(Stage::id).containsExactly(StageId.values());
    for (Stage s : w.stages()) {
      assertThat(s.explanation()).isNotBlank();
      assertThat(s.output().size() + s.input().size()).as(s.id().id()).isPositive();
    }
    // the radiograms as sent decipher to the canonical text
    Decipherment d = office(book).build().decipher(w.encipherment().telegrams().stream()
        .map(Telegram::radiogram).toList());
    assertThat(d.problems()).isEmpty();
    assertThat(d.messages().get(0).text().toString())
        .isEqualTo(sender.canonical(text, "<text>").toString());
  }

  private static CipherOffice.Builder office(Codebook book) {
    return CipherOffice.builder().codebook(book).padBook(PADS).clock(CLOCK)
        .from(Station.of("TEREBIN", "Xibaipo", "Asia/Shanghai"))
        .to(Station.of("KUZNETSOV", "Moscow", "Europe/Moscow"));
  }

  @Provide
  Arbitrary<String> english() {
    return text(words(Vocabulary.builtIn(Language.ENGLISH).entries(),
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"));
  }

  @Provide
  Arbitrary<String> russian() {
    return text(words(Vocabulary.builtIn(Language.RUSSIAN).entries(),
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯ"));
  }

  private static Arbitrary<String> words(List<String> vocabulary, String letters) {
    Arbitrary<String> known = Arbitraries.of(vocabulary).map(String::toLowerCase);
    Arbitrary<String> invented = Arbitraries.strings().withChars(letters.toCharArray())
        .ofMinLength(1).ofMaxLength(10);
    Arbitrary<String> number = Arbitraries.integers().between(0, 5000).map(String::valueOf);
    return Arbitraries.frequencyOf(Tuple.of(7, known), Tuple.of(2, invented),
        Tuple.of(1, number));
  }

  /** Mostly short texts, one in ten near the 10 KB limit. */
  private static Arbitrary<String> text(Arbitrary<String> words) {
    Arbitrary<String> sep = Arbitraries.of(" ", " ", " ", " ", ", ", ". ", ": ", "? ", "! ",
        "\n", "\n\n", " (", ") ", " \"", "\" ");
    Arbitrary<Integer> size = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.integers()
        .between(1, 80)), Tuple.of(1, Arbitraries.integers().between(600, 1100)));
    return size.flatMap(n -> Combinators.combine(words.list().ofSize(n), sep.list().ofSize(n))
        .as((ws, ss) -> {
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < ws.size(); i++) {
            sb.append(ws.get(i)).append(ss.get(i));
          }
          String s = sb.toString();
          // stay within 10 KB of UTF-8
          while (s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 10_240) {
            s = s.substring(0, s.length() - 200);
          }
          return s;
        }));
  }
}
