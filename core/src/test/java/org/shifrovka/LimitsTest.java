package org.shifrovka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
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

/**
 * The limits of a radiogram (five-digit number, four-digit group count) hold for every way a
 * telegram is made, and what cannot be carried is refused before a pad sheet is reserved.
 */
class LimitsTest {
  static final Codebook EN = Codebook.generate(Vocabulary.builtIn(Language.ENGLISH),
      CodebookStyle.TWO_PART, 11);
  static final Clock CLOCK = Clock.fixed(Instant.parse("1949-01-13T13:40:00Z"), ZoneOffset.UTC);
  static final PadBook BIG = PadGenerator.seededInsecure(3).generate(2_000, 60);

  private static CipherOffice.Builder office(PadLedger ledger) {
    return CipherOffice.builder().codebook(EN).padBook(BIG).ledger(ledger).clock(CLOCK)
        .from(Station.of("TEREBIN", "Xibaipo", "Asia/Shanghai"))
        .to(Station.of("KUZNETSOV", "Moscow", "Europe/Moscow"));
  }

  @Test
  void aWordLongerThanAnyRadiogram_isRefused_beforeASheetIsReserved() throws Exception {
    PadLedger ledger = PadLedger.inMemory(CLOCK);
    String word = "Q".repeat(100_000); // spelled: 40,000 groups in one word
    assertThatThrownBy(() -> office(ledger).build().encipher(word, "m"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("does not fit in a telegram of at most 9999 groups")
        .hasMessageContaining("(100000 letters)");
    assertThat(ledger.usedSheets(BIG.id())).isEmpty();
  }

  @Test
  void aLongMessage_withoutMaxGroups_isSplitIntoPartsDecodeCanRead() throws Exception {
    String text = "the army will cross the river tomorrow and take the city stop ".repeat(1_500);
    CipherOffice office = office(PadLedger.inMemory(CLOCK)).build();
    Encipherment e = office.encipher(text, "m");
    assertThat(e.telegrams()).hasSizeGreaterThan(1)
        .allSatisfy(t -> assertThat(t.groupCount()).isLessThanOrEqualTo(Radiogram.MAX_GROUPS));
    String rendered = Radiogram.renderAll(e.telegrams().stream().map(Telegram::radiogram)
        .toList());
    List<Radiogram> read = Radiogram.parseAll(rendered, "r");
    Decipherment d = office(PadLedger.inMemory(CLOCK)).build().decipher(read);
    assertThat(d.messages()).hasSize(1);
    assertThat(d.messages().get(0).text()).isEqualTo(e.text());
  }

  @Property(tries = 12)
  void nearAndBeyondTheLimit_whatIsAcceptedDecodes(@ForAll @IntRange(min = 9_990, max = 10_010)
      int groups) throws Exception {
    // a message of about `groups` code groups: four-digit words
    String text = "comrade ".repeat(groups - 6);
    CipherOffice office = office(PadLedger.inMemory(CLOCK)).build();
    Encipherment e = office.encipher(text, "m");
    List<Radiogram> rs = e.telegrams().stream().map(Telegram::radiogram).toList();
    assertThat(rs).allSatisfy(r -> assertThat(r.groups()).hasSizeLessThanOrEqualTo(9_999));
    Decipherment d = office(PadLedger.inMemory(CLOCK)).build()
        .decipher(Radiogram.parseAll(Radiogram.renderAll(rs), "r"));
    assertThat(d.messages().get(0).text()).isEqualTo(e.text());
  }

  @Test
  void serialsBeyondFiveDigits_areRefused_beforeASheetIsReserved() throws Exception {
    PadLedger ledger = PadLedger.inMemory(CLOCK);
    CipherOffice office = office(ledger).firstSerial(99_999).maxGroups(10).build();
    assertThatThrownBy(() -> office.encipher("one two three four five six seven eight nine ten"
        + " eleven twelve thirteen fourteen fifteen sixteen seventeen", "m"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("from serial 99999, but a radiogram number has at most five digits");
    assertThat(ledger.usedSheets(BIG.id())).isEmpty();
  }

  @Test
  void builders_refuseWhatAHeaderCannotCarry() {
    assertThatThrownBy(() -> CipherOffice.builder().maxGroups(10_000))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6-9999");
    Telegram.Builder b = Telegram.builder().from(Station.of("A", "X", "UTC"))
        .to(Station.of("B", "Y", "UTC")).serial(1).filed(java.time.ZonedDateTime.now(CLOCK))
        .padBookId("1").groups(java.util.Collections.nCopies(10_000, "12345"));
    assertThatThrownBy(b::build).hasMessageContaining("at most 9999 groups");
  }
}
