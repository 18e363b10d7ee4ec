package org.shifrovka.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.shifrovka.CipherOffice;
import org.shifrovka.Encipherment;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.codebook.SpecialGroup;
import org.shifrovka.pad.Additive;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.telegram.Radiogram;
import org.shifrovka.telegram.Telegram;

/** The walkthrough of the 1949 message: every stage, built from what the offices produced. */
class WalkthroughTest {
  private static final Walkthrough W = Walkthrough.of(Scenario1949.standard());

  /** The project's reference, {@code docs/period-telegraphy.md}, that every citation points to. */
  private static final String REFERENCE = reference();

  /** The sections of the reference, from its headings ("## 2." is §2, "### 2.1" is §2.1). */
  private static final Set<String> REFERENCE_SECTIONS = REFERENCE.lines()
      .map(l -> Pattern.compile("^#{2,3} ([0-9]+(?:\\.[0-9]+)?)\\.? ").matcher(l))
      .filter(Matcher::find).map(m -> "§" + m.group(1))
      .collect(Collectors.toUnmodifiableSet());

  /** The source keys of the reference's section 9 (first column of its table). */
  private static final Set<String> REFERENCE_KEYS = REFERENCE
      .substring(REFERENCE.indexOf("\n## 9. "), REFERENCE.indexOf("\n## 10. ")).lines()
      .map(l -> Pattern.compile("^\\| ([A-Z0-9][A-Za-z0-9 /-]*?) \\|").matcher(l))
      .filter(Matcher::find).flatMap(m -> Stream.of(m.group(1).split(" / ")))
      .collect(Collectors.toUnmodifiableSet());

  private static String reference() {
    try {
      return Files.readString(Path.of("..", "docs", "period-telegraphy.md"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void theReference_isReadWithItsSectionsAndKeys() {
    assertThat(REFERENCE_SECTIONS).contains("§0", "§2.1", "§4.2", "§10").hasSizeGreaterThan(30);
    assertThat(REFERENCE_KEYS).contains("WC-50513", "BLUM", "ITU-LIST").hasSizeGreaterThan(20);
  }

  @Test
  void everyStage_inOrder_withItsId() {
    assertThat(W.stages()).extracting(Stage::id).containsExactly(StageId.values());
    for (int i = 0; i < W.stages().size(); i++) {
      assertThat(W.stages().get(i).number()).isEqualTo(i + 1);
    }
    assertThat(Arrays.stream(StageId.values()).map(StageId::id)).containsExactly("telegraphese",
        "code-groups", "spell", "regroup", "pad-sheet", "additive", "radiogram", "morse", "air",
        "receive", "decipher", "reassemble", "archival-copy", "register");
    assertThat(W.delivered()).isTrue();
  }

  @Test
  void everyExplanation_citesReferenceSections_orSaysInferred_in2to5Sentences() {
    for (Stage s : W.stages()) {
      assertExplained(s);
    }
  }

  /**
   * Asserts that a stage's explanation cites sections and keys of the reference, says "inferred"
   * when it is, and has two to six sentences: every walkthrough's stages are held to this.
   */
  static void assertExplained(Stage s) {
    assertThat(s.sources()).as(s.id().id()).isNotEmpty();
    for (Source src : s.sources()) {
      assertThat(REFERENCE_SECTIONS).as(s.id() + " cites " + src.section())
          .contains(src.section());
      assertThat(REFERENCE_KEYS).as(s.id() + " cites " + src.keys()).containsAll(src.keys());
      assertThat(s.explanation()).contains(src.cite());
    }
    if (s.inferred()) {
      assertThat(s.explanation()).as(s.id().id()).contains("inferred");
    }
    // sentences end with ". " or at the end; "No." and "§2.1" are no ends
    String text = s.explanation().replace("No. ", "No ");
    Matcher m = Pattern.compile("[.!?](\"|\\))?( |$)").matcher(text);
    int sentences = 0;
    while (m.find()) {
      sentences++;
    }
    assertThat(sentences).as(s.id() + ": " + s.explanation()).isBetween(2, 6);
  }

  @Test
  void additive_isThePadArithmeticOfTheCore_columnByColumn() {
    Stage additive = W.stage(StageId.ADDITIVE);
    Value.Table columns = (Value.Table) additive.output().get(0);
    Value.Table groups = (Value.Table) additive.output().get(1);
    Scenario1949 sc = Scenario1949.standard();
    Encipherment.Part first = W.encipherment().parts().get(0);
    byte[] key = sc.padBook().keyDigits(first.sheets().first(), first.sheets().count());
    for (List<String> row : groups.rows()) {
      int g = Integer.parseInt(row.get(0)) - 1;
      int code = Integer.parseInt(first.codeGroups().get(g));
      int pad = 0;
      for (int i = 0; i < 5; i++) {
        pad = pad * 10 + key[g * 5 + i];
      }
      assertThat(row.get(1)).isEqualTo(CipherOffice.formatGroup(code));
      assertThat(row.get(2)).isEqualTo(CipherOffice.formatGroup(pad));
      assertThat(row.get(3)).isEqualTo(CipherOffice.formatGroup(Additive.add(code, pad)))
          .isEqualTo(first.telegram().groups().get(g + 1));
    }
    assertThat(groups.rows()).hasSize(5);
    // the column-by-column table: every digit is (code + pad) mod 10 of its column
    List<String> code = columns.rows().get(0);
    List<String> pad = columns.rows().get(1);
    List<String> sum = columns.rows().get(2);
    for (int c = 1; c <= 5; c++) {
      int expected = (Integer.parseInt(code.get(c)) + Integer.parseInt(pad.get(c))) % 10;
      assertThat(sum.get(c)).isEqualTo(String.valueOf(expected));
      assertThat(columns.rows().get(3).get(c)).startsWith(code.get(c) + "+" + pad.get(c) + "=");
    }
    assertThat(String.join("", sum.subList(1, 6))).isEqualTo(groups.rows().get(0).get(3));
  }

  @Test
  void spell_showsANameLetterByLetter_withTheSpellTablesCodes() {
    Stage spell = W.stage(StageId.SPELL);
    Value.Table table = (Value.Table) spell.output().get(0);
    Codebook book = Scenario1949.standard().codebook();
    String word = ((Value.Text) spell.input().get(0)).text();
    assertThat(table.rows().get(0)).containsExactly("<SPELL>",
        Codebook.format(book.code(SpecialGroup.SPELL)), "starts spelling");
    assertThat(table.rows()).hasSize(word.length() + 2);
    for (int i = 0; i < word.length(); i++) {
      List<String> row = table.rows().get(i + 1);
      assertThat(row.get(0)).isEqualTo(String.valueOf(word.charAt(i)));
      assertThat(Integer.parseInt(row.get(1))).isEqualTo(book.spellTable().code(word.charAt(i)));
    }
    assertThat(table.rows().get(table.rows().size() - 1).get(1))
        .isEqualTo(String.format("%02d", book.spellTable().endSpell()));
  }

  @Test
  void radiogram_namesEveryHeaderField_ofEachPart() {
    Stage r = W.stage(StageId.RADIOGRAM);
    List<Radiogram> sent = W.encipherment().telegrams().stream().map(Telegram::radiogram)
        .toList();
    assertThat(r.output()).hasSize(2 * sent.size());
    for (int i = 0; i < sent.size(); i++) {
      Value.Fields header = (Value.Fields) r.output().get(2 * i);
      assertThat(header.fields()).extracting(Value.Field::name)
          .containsExactly("number", "group count", "day", "time", "precedence");
      assertThat(String.join(" ", header.fields().stream().map(Value.Field::value).toList())
          + " =").isEqualTo(sent.get(i).header());
      Value.Groups groups = (Value.Groups) r.output().get(2 * i + 1);
      assertThat(groups.digits()).isEqualTo(sent.get(i).groups());
      assertThat(groups.groups().get(0).mark()).isEqualTo(Value.Mark.INDICATOR);
    }
  }

  @Test
  void register_isMoscowsNumbers_50450_50470_50490() {
    Value.Table register = (Value.Table) W.stage(StageId.REGISTER).output().get(0);
    assertThat(register.rows()).extracting(row -> row.get(0))
        .containsExactly("50450", "50470", "50490");
    assertThat(register.rows()).extracting(row -> row.get(2)).containsExactly("15", "16", "17");
  }

  @Test
  void air_garblesFromTheSeed_andReceptionRepairsByRepeatRequests() {
    Stage air = W.stage(StageId.AIR);
    long garbled = air.output().stream().map(v -> (Value.Groups) v)
        .flatMap(g -> g.groups().stream()).filter(g -> g.mark() == Value.Mark.GARBLED).count();
    assertThat(garbled).isPositive();
    Stage receive = W.stage(StageId.RECEIVE);
    Value.Table requests = (Value.Table) receive.output().get(0);
    assertThat(requests.rows()).isNotEmpty();
    for (int i = 1; i < receive.output().size(); i++) {
      Value.Groups logged = (Value.Groups) receive.output().get(i);
      assertThat(logged.groups()).noneMatch(g -> g.mark() == Value.Mark.GARBLED);
      assertThat(logged.digits()).isEqualTo(W.encipherment().telegrams().get(i - 1).groups());
    }
  }

  @Test
  void sameSeed_sameWalkthrough_otherSeed_otherGroups() {
    Walkthrough again = Walkthrough.of(Scenario1949.standard());
    Walkthrough other = Walkthrough.of(Scenario1949.withSeed(7));
    assertThat(again.stages()).isEqualTo(W.stages());
    assertThat(other.stage(StageId.PAD_SHEET)).isNotEqualTo(W.stage(StageId.PAD_SHEET));
    assertThat(other.stage(StageId.REASSEMBLE).output().get(0))
        .isEqualTo(W.stage(StageId.REASSEMBLE).output().get(0));
  }

  @Test
  void highlights_pointAtValuesThatExist() {
    for (Stage s : W.stages()) {
      for (Highlight h : s.highlights()) {
        Value v = (h.side() == Highlight.Side.INPUT ? s.input() : s.output()).get(h.value());
        int size = v instanceof Value.Groups g ? g.groups().size()
            : v instanceof Value.Table t ? t.rows().size()
            : v instanceof Value.Fields f ? f.fields().size()
            : v instanceof Value.Text t ? t.text().strip().split("\\s+").length : 1;
        assertThat(h.item()).as(s.id() + " " + h).isLessThan(size);
      }
    }
  }

  @Test
  void stageIds_parseByIdOrNumber_andNameTheChoicesWhenWrong() {
    assertThat(StageId.of("additive")).isEqualTo(StageId.ADDITIVE);
    assertThat(StageId.of("6")).isEqualTo(StageId.ADDITIVE);
    assertThat(StageId.of("Archival-Copy")).isEqualTo(StageId.ARCHIVAL_COPY);
    assertThatThrownBy(() -> StageId.of("15")).hasMessageContaining("telegraphese, code-groups");
    assertThatThrownBy(() -> StageId.of("pad")).hasMessageContaining("a number from 1 to 14");
  }
}
