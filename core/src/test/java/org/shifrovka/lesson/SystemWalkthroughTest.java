package org.shifrovka.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shifrovka.CipherSystem;
import org.shifrovka.checkerboard.StraddlingCheckerboard;
import org.shifrovka.ctc.TelegraphCode;
import org.shifrovka.pad.PadLedger;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.transposition.DoubleTransposition;
import org.shifrovka.vic.VicBoard;
import org.shifrovka.vic.VicCipher;
import org.shifrovka.vic.VicEncipherment;

/** The walkthrough of every system: its stages in order, explained, built from the run. */
class SystemWalkthroughTest {
  private static final Scenario1949 SC = Scenario1949.standard();

  private static Walkthrough.Builder offices(CipherSystem system) {
    return Walkthrough.builder().system(system)
        .sender(SC.terebinOffice(PadLedger.inMemory(Scenario1949.filingClock())))
        .receiver(SC.moscowOffice()).seed(SC.seed());
  }

  private static List<String> ids(Walkthrough w) {
    return w.stages().stream().map(s -> s.id().id()).toList();
  }

  private static void assertWellFormed(Walkthrough w) {
    assertThat(w.stages()).extracting(Stage::id)
        .containsExactlyElementsOf(Walkthrough.stageIds(w.system()));
    for (int i = 0; i < w.stages().size(); i++) {
      Stage s = w.stages().get(i);
      assertThat(s.number()).isEqualTo(i + 1);
      WalkthroughTest.assertExplained(s);
      assertThat(w.stage(s.id().id())).isSameAs(s);
      assertThat(w.stage(String.valueOf(i + 1))).isSameAs(s);
    }
  }

  @Test
  void ctcPad_theTelegraphCodeAroundTheOfficesFourteenStages() throws Exception {
    Walkthrough w = offices(CipherSystem.CTC_PAD).telegraphCode(TelegraphCode.traditional())
        .build("毛澤東致斯大林", "mao.txt");
    assertThat(w.system()).isEqualTo(CipherSystem.CTC_PAD);
    assertThat(ids(w)).hasSize(16).startsWith("telegraph-code", "telegraphese", "code-groups")
        .endsWith("register", "telegraph-code-read");
    assertWellFormed(w);
    Stage code = w.stage(SystemStageId.TELEGRAPH_CODE);
    Value.Groups groups = (Value.Groups) code.output().get(0);
    assertThat(groups.groups()).extracting(Value.Group::digits)
        .startsWith("3029", "3419", "2639");
    assertThat(groups.groups().get(0).meaning()).isEqualTo("毛");
    assertThat(code.explanation()).contains("毛 is 3029, on page 30, row 2, column 9");
    Stage read = w.stage(SystemStageId.TELEGRAPH_CODE_READ);
    assertThat(((Value.Text) read.output().get(0)).text()).isEqualTo("毛澤東致斯大林");
    assertThat(w.delivered()).isTrue();
    // the office's telegraphese stage starts from the code groups the clerk was handed
    assertThat(((Value.Text) w.stage(StageId.TELEGRAPHESE).input().get(0)).text())
        .startsWith("3029 3419 2639");
  }

  @Test
  void checkerboardPad_theBoardThenThePadThenTheBoardAgain() throws Exception {
    Walkthrough w = offices(CipherSystem.CHECKERBOARD_PAD)
        .checkerboard(StraddlingCheckerboard.english())
        .build("Attack at dawn. Meet at 1949", "m.txt");
    assertThat(ids(w)).containsExactly("checkerboard", "regroup", "pad-sheet", "additive",
        "radiogram", "morse", "air", "receive", "decipher", "checkerboard-read");
    assertWellFormed(w);
    Stage board = w.stage(SystemStageId.CHECKERBOARD);
    String digits = StraddlingCheckerboard.english().encode("Attack at dawn. Meet at 1949", "t");
    assertThat(((Value.Text) board.output().get(0)).text()).isEqualTo(digits);
    assertThat(((Value.Groups) board.output().get(1)).groups()).extracting(Value.Group::digits)
        .startsWith("3", "1", "1", "3", "21", "27");
    Value.Groups fives = (Value.Groups) w.stage(StageId.REGROUP).output().get(0);
    String whole = StraddlingCheckerboard.english().completeGroups(digits);
    assertThat(String.join("", fives.groups().stream().map(Value.Group::digits).toList()))
        .isEqualTo(whole);
    // the additive works on the checkerboard's groups: the first row is its first five digits
    Value.Table additive = (Value.Table) w.stage(StageId.ADDITIVE).output().get(1);
    assertThat(additive.rows().get(0).get(1)).isEqualTo(whole.substring(0, 5));
    Stage read = w.stage(SystemStageId.CHECKERBOARD_READ);
    assertThat(((Value.Text) read.output().get(0)).text()).isEqualTo("ATTACKATDAWN.MEETAT1949");
    assertThat(w.delivered()).isTrue();
    assertThatThrownBy(w::encipherment).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> w.stage(StageId.SPELL)).hasMessageContaining("no stage spell");
    assertThatThrownBy(() -> w.stage("spell")).hasMessageContaining(
        "stages: checkerboard, regroup");
  }

  @Test
  void checkerboardDoubleTransposition_noOfficeAtAll() throws Exception {
    Walkthrough w = Walkthrough.builder().system(CipherSystem.CHECKERBOARD_DOUBLE_TRANSPOSITION)
        .checkerboard(StraddlingCheckerboard.russian())
        .transposition(DoubleTransposition.ofKeywords("СНЕГ", "ПАДАЮЩИЙ"))
        .build("Прибыл в Москву 13 января", "m.txt");
    assertThat(ids(w)).containsExactly("checkerboard", "first-transposition",
        "second-transposition", "untranspose", "checkerboard-read");
    assertWellFormed(w);
    Value.Table rows = (Value.Table) w.stage(SystemStageId.FIRST_TRANSPOSITION).output().get(0);
    assertThat(rows.columns()).containsExactly("", "С 4", "Н 3", "Е 2", "Г 1");
    assertThat(((Value.Text) w.stage(SystemStageId.CHECKERBOARD_READ).output().get(0)).text())
        .isEqualTo("ПРИБЫЛВМОСКВУ13ЯНВАРЯ");
    assertThat(w.delivered()).isTrue();
    assertThatThrownBy(() -> Walkthrough.builder()
        .system(CipherSystem.CHECKERBOARD_DOUBLE_TRANSPOSITION).build("x", "m"))
        .hasMessageContaining("transposition keys");
  }

  @Test
  void vic_kahnsWorkSheet_thenBothTranspositions_theKeygroup_andBack() throws Exception {
    VicCipher vic = VicCipher.builder().phrase("ТОЛЬКО СЛЫШНО НА УЛИЦЕ ГДЕ-ТО").date("391945")
        .personalNumber(13).board(VicBoard.RUSSIAN).build();
    String text = "Прибыл в Москву 13 января. Связь через тайник";
    Walkthrough w = Walkthrough.builder().system(CipherSystem.VIC).vic(vic, "20818")
        .build(text, "m.txt");
    assertThat(ids(w)).containsExactly("vic-keys", "checkerboard", "first-transposition",
        "disrupted-transposition", "keygroup", "untranspose", "checkerboard-read");
    assertWellFormed(w);
    Value.Table sheet = (Value.Table) w.stage(SystemStageId.VIC_KEYS).output().get(0);
    // Kahn's published lines Q, R and S (period-telegraphy.md section 6.3)
    assertThat(sheet.rows()).contains(
        List.of("Q", "9 6 0 3 3 1 8 3 6 6 4 6 9 0 4 7 5",
            "first key: 17 digits read off K-P by columns in the order of J"),
        List.of("R", "3 0 2 7 4 3 0 4 2 8 7 7 1 2", "second key: 14 digits"));
    assertThat(sheet.rows().get(sheet.rows().size() - 1).get(1))
        .isEqualTo("5 0 7 3 8 9 4 6 1 2");
    VicEncipherment e = vic.encipher(text, "20818", "m.txt");
    Value.Groups sent = (Value.Groups) w.stage(SystemStageId.KEYGROUP).output().get(0);
    assertThat(sent.groups()).extracting(Value.Group::digits).isEqualTo(e.groups());
    assertThat(sent.groups().get(e.indicatorIndex()).mark()).isEqualTo(Value.Mark.INDICATOR);
    Value.Table disrupted = (Value.Table) w.stage(SystemStageId.DISRUPTED_TRANSPOSITION)
        .output().get(0);
    assertThat(disrupted.rows().get(0)).anyMatch(c -> c.startsWith("["));
    assertThat(((Value.Text) w.stage(SystemStageId.CHECKERBOARD_READ).output().get(0)).text())
        .isEqualTo("ПРИБЫЛВМОСКВУ13ЯНВАРЯ.СВЯЗЬЧЕРЕЗТАИНИК");
    assertThat(w.delivered()).isTrue();
  }

  @Test
  void codebookPad_isStillTheFourteenStages() {
    Walkthrough w = Walkthrough.of(SC);
    assertThat(w.system()).isEqualTo(CipherSystem.CODEBOOK_PAD);
    assertThat(w.stages()).extracting(Stage::id).containsExactly(StageId.values());
  }
}
