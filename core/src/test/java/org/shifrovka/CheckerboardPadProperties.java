package org.shifrovka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.shifrovka.checkerboard.StraddlingCheckerboard;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadGenerator;
import org.shifrovka.pad.PadLedger;
import org.shifrovka.telegram.Station;

/** checkerboard+pad: any text of the board's alphabet through the office's pad and back. */
class CheckerboardPadProperties {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("1953-06-22T10:00:00Z"),
      ZoneOffset.UTC);
  private static final PadBook PADS = PadGenerator.seededInsecure(53).generate(400, 60);

  @Property(tries = 200)
  void englishAndRussianComeBack(@ForAll("english") String en, @ForAll("russian") String ru,
      @ForAll boolean russian) throws Exception {
    StraddlingCheckerboard board = russian ? StraddlingCheckerboard.russian()
        : StraddlingCheckerboard.english();
    String text = russian ? ru : en;
    CipherOffice office = CipherOffice.builder().padBook(PADS)
        .ledger(PadLedger.inMemory(CLOCK)).clock(CLOCK)
        .from(Station.of("MAKS", "Newark", "America/New_York"))
        .to(Station.of("CENTRE", "Moscow", "Europe/Moscow")).build();
    Encipherment.Part p = office.encipherDigits(board.completeGroups(board.encode(text, "p")),
        "p");
    DecipheredDigits back = office.decipherDigits(p.telegram().radiogram());
    assertThat(back.clean()).isTrue();
    assertThat(board.decodeCompleted(back.digits().orElseThrow())).isEqualTo(text);
  }

  @Provide
  Arbitrary<String> english() {
    return Arbitraries.strings().withChars(StraddlingCheckerboard.ENGLISH_ALPHABET + "0123456789.")
        .ofMinLength(1).ofMaxLength(200);
  }

  @Provide
  Arbitrary<String> russian() {
    return Arbitraries.strings().withChars("АБВГДЕЖЗИКЛМНОПРСТУФХЦЧШЩЫЬЭЮЯ0123456789.,")
        .ofMinLength(1).ofMaxLength(200);
  }
}
