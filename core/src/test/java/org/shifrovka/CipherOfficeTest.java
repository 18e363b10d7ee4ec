package org.shifrovka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.codebook.CodebookStyle;
import org.shifrovka.codebook.Vocabulary;
import org.shifrovka.pad.Additive;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadExhaustedException;
import org.shifrovka.pad.PadGenerator;
import org.shifrovka.pad.PadLedger;
import org.shifrovka.pad.PadSheet;
import org.shifrovka.telegram.Precedence;
import org.shifrovka.telegram.Radiogram;
import org.shifrovka.telegram.Register;
import org.shifrovka.telegram.Station;
import org.shifrovka.telegram.Telegram;
import org.shifrovka.text.Language;
import org.shifrovka.text.TelegraphText;

class CipherOfficeTest {
  static final Codebook EN = Codebook.generate(Vocabulary.builtIn(Language.ENGLISH),
      CodebookStyle.TWO_PART, 11);
  static final Station TEREBIN = Station.of("TEREBIN", "Xibaipo", "Asia/Shanghai");
  static final Station KUZNETSOV = Station.of("KUZNETSOV", "Moscow", "Europe/Moscow");
  static final Clock CLOCK = Clock.fixed(Instant.parse("1949-01-13T13:40:00Z"), ZoneOffset.UTC);
  static final String TEXT = "Comrade Filippov,\n\nI received your telegram of January 10. "
      + "We think that the government of the USSR should give the following answer.";

  private static CipherOffice.Builder office(PadBook pads) {
    return CipherOffice.builder().codebook(EN).padBook(pads).ledger(PadLedger.inMemory(CLOCK))
        .clock(CLOCK).from(TEREBIN).to(KUZNETSOV).addressee("FILIPPOV");
  }

  private static List<Radiogram> radiograms(Encipherment e) {
    return e.telegrams().stream().map(Telegram::radiogram).toList();
  }

  @Test
  void decipher_changesNothingInTheOffice_theCallerKeepsTheRegister() throws Exception {
    PadBook pads = PadGenerator.seededInsecure(1).generate(5, 60);
    List<Radiogram> rs = radiograms(office(pads).build().encipher(TEXT, "m"));
    CipherOffice moscow = office(pads).build();
    for (int i = 0; i < 3; i++) { // the same input gives the same numbers, every time
      assertThat(moscow.decipher(rs).messages().get(0).copies().get(0).registryNumber().value())
          .isEqualTo(1);
    }
    assertThat(moscow.decipherPart(rs.get(0)).copy().orElseThrow().registryNumber().value())
        .isEqualTo(1);
    Register register = Register.of(50450, 20);
    moscow.decipher(rs, register);
    assertThat(register.peek().value()).isEqualTo(50470); // the caller's register advanced
    assertThat(moscow.decipherPart(rs.get(0), new org.shifrovka.telegram.RegistryNumber(50490, 1))
        .copy().orElseThrow().registryNumber().value()).isEqualTo(50490);
  }

  @Test
  void digitStream_goesUnderThePadWithoutACodebook_andComesBack() throws Exception {
    PadBook pads = PadGenerator.seededInsecure(1).generate(5, 60);
    PadLedger ledger = PadLedger.inMemory(CLOCK);
    CipherOffice agent = CipherOffice.builder().padBook(pads).ledger(ledger).clock(CLOCK)
        .from(TEREBIN).to(KUZNETSOV).firstSerial(7).build();
    String digits = "31132127312236556266"; // ATTACK AT DAWN on the English board, completed
    Encipherment.Part p = agent.encipherDigits(digits, "m");
    List<String> g = p.telegram().groups();
    assertThat(g).hasSize(4 + 3);
    assertThat(g.get(0)).isEqualTo(five(pads.sheet(1).indicator()));
    assertThat(g.get(1)).isEqualTo(five(Additive.add(31132, pads.sheet(1).group(1))));
    assertThat(p.codeGroups()).containsExactly("31132", "12731", "22365", "56266");
    assertThat(p.sheets().first()).isEqualTo(1);
    assertThat(agent.encipherDigits(digits, "m").sheets().first()).isEqualTo(2); // the ledger
    DecipheredDigits back = agent.decipherDigits(p.telegram().radiogram());
    assertThat(back.digits()).contains(digits);
    assertThat(back.clean()).isTrue();
    assertThatThrownBy(() -> agent.encipherDigits("1234", "m"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole groups");
    assertThatThrownBy(() -> agent.encipher("ATTACK", "m"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no codebook");
    assertThatThrownBy(() -> office(pads).maxGroups(6).build().encipherDigits(digits, "m"))
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("not split");
  }

  @Test
  void telegram_layoutIsIndicatorCipherEndGroupSerialGroup() throws Exception {
    PadBook pads = PadGenerator.seededInsecure(1).generate(5, 60);
    Encipherment e = office(pads).firstSerial(17).build().encipher(TEXT, "m");
    Telegram t = e.telegrams().get(0);
    PadSheet sheet = pads.sheet(1);
    List<String> g = t.groups();
    List<String> code = e.parts().get(0).codeGroups();
    assertThat(g).hasSize(code.size() + 3);
    assertThat(g.get(0)).isEqualTo(five(sheet.indicator()));
    for (int i = 0; i < code.size(); i++) {
      assertThat(g.get(i + 1)).isEqualTo(five(Additive.add(Integer.parseInt(code.get(i)),
          sheet.group(i + 1))));
    }
    assertThat(g.get(code.size() + 1)).isEqualTo(five(sheet.group(code.size() + 1)));
    assertThat(g.get(code.size() + 2)).isEqualTo("01713"); // serial 17, day 13
    assertThat(t.closingLine().render()).isEqualTo("No. 17 - TEREBIN - 13 January");
    assertThat(t.radiogram().header()).isEqualTo("17 " + g.size() + " 13 1640 ОБЫКНОВЕННАЯ =");
  }

  @Test
  void encipherOfTheCanonicalText_isTheEncipherOfTheTypedText() throws Exception {
    PadBook pads = PadGenerator.seededInsecure(3).generate(5, 60);
    CipherOffice typed = office(pads).firstSerial(17).build();
    CipherOffice relay = office(pads).firstSerial(17).build();
    TelegraphText canonical = relay.canonical(TEXT, "m");
    assertThat(radiograms(relay.encipher(canonical, "m")))
        .isEqualTo(radiograms(typed.encipher(TEXT, "m")));
    // gap markers are not words of any table: such a text goes through the normaliser
    TelegraphText gapped = TelegraphText.parseCanonical("WE [2 groups garbled] THINK");
    assertThat(radiograms(office(pads).firstSerial(40).build().encipher(gapped, "g")))
        .isEqualTo(radiograms(office(pads).firstSerial(40).build()
            .encipher(gapped.toString(), "g")));
    assertThatThrownBy(() -> relay.encipher(TelegraphText.of(List.of()), "empty"))
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("the message is empty");
  }

  /** 23:30 in Xibaipo is 18:30 in Moscow the same day; 02:30 is 21:30 in Moscow the day before. */
  @Test
  void serialDateGroup_carriesTheSendersLocalDay_evenWhenMoscowIsStillOnTheDayBefore()
      throws Exception {
    PadBook pads = PadGenerator.seededInsecure(14).generate(5, 60);
    Clock early = Clock.fixed(Instant.parse("1949-01-13T18:30:00Z"), ZoneOffset.UTC); // 02:30 +08
    CipherOffice o = office(pads).clock(early).firstSerial(18).build();
    Telegram t = o.encipher(TEXT, "m").telegrams().get(0);
    assertThat(t.filed().getDayOfMonth()).isEqualTo(14);
    assertThat(t.radiogram().day()).isEqualTo(13);
    assertThat(t.groups().get(t.groupCount() - 1)).isEqualTo("01814");
    Decipherment d = o.decipher(List.of(t.radiogram()));
    assertThat(d.problems()).isEmpty();
    assertThat(d.messages().get(0).copies().get(0).closingLine().render())
        .isEqualTo("No. 18 - TEREBIN - 14 January");
  }

  @Test
  void falseSubtraction_roundTrips() throws Exception {
    PadBook pads = PadGenerator.seededInsecure(2).generate(5, 60);
    CipherOffice o = office(pads).combineMode(org.shifrovka.pad.CombineMode.FALSE_SUBTRACTION)
        .build();
    Encipherment e = o.encipher(TEXT, "m");
    assertThat(o.decipher(radiograms(e)).messages().get(0).text()).isEqualTo(e.text());
  }

  @Test
  void longTelegram_continuesOnTheFollowingSheets() throws Exception {
    PadBook pads = PadGenerator.seededInsecure(3).generate(10, 12);
    CipherOffice o = office(pads).build();
    Encipherment e = o.encipher(TEXT, "m");
    int textGroups = e.telegrams().get(0).groupCount() - 3;
    assertThat(e.parts().get(0).sheets().count()).isEqualTo((textGroups + 1 + 10) / 11);
    assertThat(o.decipher(radiograms(e)).messages().get(0).text()).isEqualTo(e.text());
  }

  @Test
  void maxGroups_splitsIntoParts_reassembledInAnyOrder() throws Exception {
    PadBook pads = PadGenerator.seededInsecure(4).generate(40, 60);
    CipherOffice o = office(pads).maxGroups(12).firstSerial(40).register(Register.of(50450, 20))
        .build();
    Encipherment e = o.encipher(TEXT, "m");
    assertThat(e.telegrams()).hasSizeGreaterThan(2)
        .allSatisfy(t -> assertThat(t.groupCount()).isLessThanOrEqualTo(12));
    assertThat(e.telegrams().get(1).previousPartSerial()).contains(40);
    List<Radiogram> shuffled = new ArrayList<>(radiograms(e));
    Collections.reverse(shuffled);
    Decipherment d = o.decipher(shuffled);
    assertThat(d.problems()).isEmpty();
    assertThat(d.messages()).hasSize(1);
    ReceivedMessage m = d.messages().get(0);
    assertThat(m.text()).isEqualTo(e.text());
    assertThat(m.copies()).extracting(c -> c.part()).containsExactly(
        java.util.stream.IntStream.rangeClosed(1, e.telegrams().size()).boxed().toArray(
            Integer[]::new));
    // registered in arrival order: the last part first
    assertThat(m.copies().get(m.copies().size() - 1).registryNumber().value()).isEqualTo(50450);
  }

  @Test
  void missingAndDuplicatedParts_areReportedByNumber() throws Exception {
    PadBook pads = PadGenerator.seededInsecure(5).generate(40, 60);
    CipherOffice o = office(pads).parts(3).firstSerial(15).build();
    List<Radiogram> r = radiograms(o.encipher(TEXT, "m"));
    Decipherment d = o.decipher(List.of(r.get(2), r.get(0), r.get(0)));
    assertThat(d.problems()).contains(
        "radiogram No. 15: received twice; the second copy is ignored",
        "message No. 15: part 2 of 3 (No. 16) is missing");
    ReceivedMessage m = d.messages().get(0);
    assertThat(m.missingParts()).containsExactly(2);
    assertThat(m.complete()).isFalse();
    assertThat(m.text().toString()).contains("[part 2 missing]");
  }

  @Test
  void decipherPart_givesEachPartsCopyAndProblems_asDecipherDoes_withoutMissingParts()
      throws Exception {
    PadBook pads = PadGenerator.seededInsecure(5).generate(40, 60);
    List<Radiogram> r = new ArrayList<>(radiograms(office(pads).parts(3).firstSerial(15).build()
        .encipher(TEXT, "m")));
    List<String> g = new ArrayList<>(r.get(1).groups());
    g.set(3, "?????");
    r.set(1, r.get(1).withGroups(g)); // part 2 garbled
    // offices alike, so each registers under the same numbers
    CipherOffice whole = office(pads).build();
    CipherOffice byParts = office(pads).build();
    List<String> problems = new ArrayList<>();
    for (Radiogram x : r) {
      Decipherment d = whole.decipher(List.of(x));
      DecipheredPart p = byParts.decipherPart(x);
      assertThat(p.copy()).contains(d.messages().get(0).copies().get(0));
      assertThat(p.problems()).isEqualTo(d.problems().stream()
          .filter(line -> !line.endsWith("is missing")).toList());
      problems.addAll(p.problems());
    }
    assertThat(problems).hasSize(1).allMatch(line -> line.startsWith("radiogram No. 16")
        && line.contains("1 group garbled"));
    List<String> tooShort = r.get(0).groups().subList(0, 3);
    DecipheredPart none = byParts.decipherPart(r.get(0).withGroups(tooShort));
    assertThat(none.copy()).isEmpty();
    assertThat(none.problems()).anyMatch(line -> line.contains("too short to decipher"));
  }

  @Test
  void garbledGroups_becomeMarkersAndAreReported() throws Exception {
    PadBook pads = PadGenerator.seededInsecure(6).generate(5, 60);
    CipherOffice o = office(pads).build();
    Radiogram r = radiograms(o.encipher(TEXT, "m")).get(0);
    List<String> g = new ArrayList<>(r.groups());
    g.set(3, "?????");
    g.set(4, "1?345");
    Decipherment d = o.decipher(List.of(r.withGroups(g)));
    ReceivedMessage m = d.messages().get(0);
    assertThat(m.garbledGroups()).isEqualTo(2);
    assertThat(m.text().toString()).contains("[2 groups garbled]");
    assertThat(d.problems()).anyMatch(p -> p.contains("2 groups garbled; ask for a repeat of groups"
        + " [4, 5]"));
  }

  @Test
  void radiogramFromWireBytes_deciphersAsItsStringForm_garbledGroupsIncluded() throws Exception {
    PadBook pads = PadGenerator.seededInsecure(6).generate(5, 60);
    Radiogram r = radiograms(office(pads).build().encipher(TEXT, "m")).get(0);
    List<String> g = new ArrayList<>(r.groups());
    g.set(3, "?????");
    g.set(4, "1?345");
    g.set(g.size() - 2, "9?999"); // the end group too
    Radiogram strings = r.withGroups(g);
    Radiogram bytes = Radiogram.of(r.number(), r.declaredGroups(), r.day(), r.time(),
        r.precedence(), strings.groupBytes());
    // two offices alike, so both register under the same numbers
    Decipherment a = office(pads).build().decipher(List.of(strings));
    Decipherment b = office(pads).build().decipher(List.of(bytes));
    assertThat(b.problems()).isEqualTo(a.problems()).isNotEmpty();
    assertThat(b.messages()).hasSize(1);
    assertThat(b.messages().get(0).text()).isEqualTo(a.messages().get(0).text());
    assertThat(b.messages().get(0).garbledGroups()).isEqualTo(2);
    assertThat(b.messages().get(0).copies()).isEqualTo(a.messages().get(0).copies());
  }

  @Test
  void telegramGroupsAsBytes_equalTheSameGroupsAsStrings() throws Exception {
    PadBook pads = PadGenerator.seededInsecure(6).generate(5, 60);
    for (Telegram t : office(pads).build().encipher(TEXT, "m")
        .telegrams()) {
      Telegram strings = Telegram.builder().from(t.from()).to(t.to())
          .addressee(t.addressee().orElse(null)).serial(t.serial()).precedence(t.precedence())
          .filed(t.filed()).part(t.part(), t.parts()).padBookId(t.padBookId())
          .groups(new ArrayList<>(t.groups())).build();
      assertThat(strings).isEqualTo(t).hasSameHashCodeAs(t);
      assertThat(t).isEqualTo(strings);
      assertThat(t.radiogram().render()).isEqualTo(strings.radiogram().render());
      assertThat(t.radiogram().groupBytes()).isEqualTo(strings.radiogram().groupBytes());
      assertThat(t.indicator()).isEqualTo(t.groups().get(0)).hasSize(5);
    }
    assertThatThrownBy(() -> Telegram.builder().groups("1234".getBytes(
        java.nio.charset.StandardCharsets.US_ASCII))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void lostGroups_areDetectedByTheCountAndTheEndGroup() throws Exception {
    PadBook pads = PadGenerator.seededInsecure(7).generate(5, 60);
    CipherOffice o = office(pads).build();
    Radiogram r = radiograms(o.encipher(TEXT, "m")).get(0);
    List<String> g = new ArrayList<>(r.groups());
    g.remove(5);
    Decipherment d = o.decipher(List.of(r.withGroups(g)));
    assertThat(d.problems()).anyMatch(p -> p.contains("the header declares " + r.declaredGroups()
        + " groups, " + g.size() + " were received"));
    assertThat(d.problems()).anyMatch(p -> p.contains("end group"));
    assertThat(d.clean()).isFalse();
  }

  @Test
  void sameIndicatorTwice_raisesTheDepthAlarm() throws Exception {
    PadBook pads = PadGenerator.seededInsecure(8).generate(5, 60);
    CipherOffice a = office(pads).firstSerial(1).build();
    CipherOffice b = office(pads).firstSerial(2).build(); // a second ledger: misuse
    Radiogram r1 = radiograms(a.encipher(TEXT, "m")).get(0);
    Radiogram r2 = radiograms(b.encipher("Other text entirely.", "m")).get(0);
    assertThat(a.decipher(List.of(r1, r2)).problems()).anyMatch(p -> p.contains("ALARM"));
  }

  @Test
  void overlappingContinuationSheets_raiseTheDepthAlarm() throws Exception {
    PadBook pads = PadGenerator.seededInsecure(13).generate(20, 8);
    CipherOffice a = office(pads).firstSerial(1).build();
    PadLedger second = PadLedger.inMemory(CLOCK);
    second.claim(pads, 1, 1); // a misconfigured second office starts on sheet 2
    CipherOffice b = office(pads).ledger(second).firstSerial(2).build();
    Encipherment ea = a.encipher(TEXT, "m");
    Encipherment eb = b.encipher(TEXT, "m");
    assertThat(ea.parts().get(0).sheets().count()).isGreaterThan(1);
    assertThat(eb.parts().get(0).sheets().first()).isEqualTo(2);
    Decipherment d = a.decipher(List.of(radiograms(ea).get(0), radiograms(eb).get(0)));
    assertThat(d.problems()).anyMatch(p -> p.contains("ALARM") && p.contains("pad sheet 2 of book " + pads.id()
        + " was already used by radiogram No. 1"));
  }

  @Test
  void exhaustedPad_isRefusedBeforeAnyCipherText() throws Exception {
    PadBook pads = PadGenerator.seededInsecure(9).generate(2, 3);
    CipherOffice o = office(pads).build();
    assertThatThrownBy(() -> o.encipher(TEXT, "m")).isInstanceOf(PadExhaustedException.class)
        .hasMessageContaining("is exhausted");
  }

  @Test
  void unknownIndicator_isReported() throws Exception {
    PadBook pads = PadGenerator.seededInsecure(10).generate(5, 60);
    PadBook other = PadGenerator.seededInsecure(11).generate(5, 60);
    Radiogram r = radiograms(office(pads).build().encipher(TEXT, "m")).get(0);
    Decipherment d = office(other).build().decipher(List.of(r));
    assertThat(d.problems()).singleElement().asString().contains("is not in pad book");
  }

  @Test
  void precedenceAndEnvelope_areKept() throws Exception {
    PadBook pads = PadGenerator.seededInsecure(12).generate(5, 60);
    Telegram t = office(pads).precedence(Precedence.FLASH).build().encipher(TEXT, "m")
        .telegrams().get(0);
    assertThat(t.precedence()).isEqualTo(Precedence.FLASH);
    assertThat(t.filed().toLocalTime().toString()).isEqualTo("21:40");
    assertThat(t.filedMoscow().toLocalTime().toString()).isEqualTo("16:40");
    assertThat(t.addressee()).contains("FILIPPOV");
  }

  @Test
  void coverNames_replaceRealNames_andMustBeSingleWords() throws Exception {
    PadBook pads = PadGenerator.seededInsecure(15).generate(5, 60);
    CipherOffice o = office(pads).coverName("Stalin", "Filippov").build();
    assertThat(o.canonical("For Stalin.", "m").toString()).isEqualTo("FOR FILIPPOV STOP");
    assertThatThrownBy(() -> office(pads).coverName("Joseph Stalin", "Filippov").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one word");
  }

  @Test
  void builder_namesWhatIsMissing() {
    assertThatThrownBy(() -> CipherOffice.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a cipher office needs: pad book, from, to");
  }

  private static String five(int g) {
    return String.format(Locale.ROOT, "%05d", g);
  }
}
