package org.shifrovka.checkerboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.shifrovka.MalformedInputException;

class StraddlingCheckerboardTest {

  @Test
  void englishKnownAnswer() throws Exception {
    // the example of Wikipedia's "Straddling checkerboard": ATTACK AT DAWN
    StraddlingCheckerboard b = StraddlingCheckerboard.english();
    assertThat(b.encode("ATTACK AT DAWN", "t")).isEqualTo("3113212731223655");
    assertThat(b.decode("3113212731223655")).isEqualTo("ATTACKATDAWN");
    assertThat(b.render()).isEqualTo(
        "    0 1 2 3 4 5 6 7 8 9\n"
        + "    E T   A O N   R I S\n"
        + " 2  B C D F G H J K L M\n"
        + " 6  P Q / U V W X Y Z .\n");
  }

  @Test
  void numbersGoBetweenFigureShiftsTripled() throws Exception {
    StraddlingCheckerboard b = StraddlingCheckerboard.english();
    assertThat(b.encode("AT 1949.", "t")).isEqualTo("31" + "62" + "111999444999" + "62" + "69");
    assertThat(b.decode("3162111999444999" + "6269")).isEqualTo("AT1949.");
  }

  @Test
  void completedGroups_fillerIsAnUnfinishedCode() {
    StraddlingCheckerboard b = StraddlingCheckerboard.english();
    // ATTACK AT DAWN is 16 digits: four more; AT is 2: three more; 4 digits: one more
    assertThat(b.completeGroups("3113212731223655")).isEqualTo("3113212731223655" + "6266");
    assertThat(b.completeGroups("31")).isEqualTo("31" + "626");
    assertThat(b.completeGroups("3131")).isEqualTo("3131" + "6");
    assertThat(b.completeGroups("313")).isEqualTo("313" + "62");
    assertThat(b.completeGroups("31313")).isEqualTo("31313");
    assertThat(b.decodeCompleted("3113212731223655" + "6266")).isEqualTo("ATTACKATDAWN");
    assertThat(b.decodeCompleted("3162111999444999626" + "9" + "6")).isEqualTo("AT1949.");
    assertThat(b.decodeCompleted("31" + "626")).isEqualTo("AT");
    // the strict reading refuses the filler; a figure passage with a figure is never filler
    assertThatThrownBy(() -> b.decode("3131" + "6")).hasMessageContaining("without its column");
    assertThatThrownBy(() -> b.decodeCompleted("31" + "62" + "111")).hasMessageContaining(
        "figure passage");
  }

  @Test
  void keyedBoard_columnsAndKeyword() throws Exception {
    StraddlingCheckerboard b = StraddlingCheckerboard.keyed("3907218654", "AT ONE SIR", 2,
        StraddlingCheckerboard.ENGLISH_ALPHABET, Locale.ROOT);
    assertThat(b.render()).startsWith("    3 9 0 7 2 1 8 6 5 4\n    A T O N E S I R    \n");
    assertThat(b.code('A')).isEqualTo("3");
    assertThat(b.code('B')).isEqualTo("53");
    String c = b.encode("Send 20 roubles", "t");
    assertThat(b.decode(c)).isEqualTo("SEND20ROUBLES");
  }

  @Test
  void russianBoard_isKahnsVicBoard() throws Exception {
    StraddlingCheckerboard b = StraddlingCheckerboard.russian();
    // Kahn's figure 2 (via the project's period reference, section 6.2)
    assertThat(b.encode("ПРИКРЫТИЯ", "t")).isEqualTo("9" + "69" + "20" + "63" + "69" + "61" + "19"
        + "20" + "12");
    assertThat(b.code('С')).isEqualTo("5");
    assertThat(b.encode("7", "t")).isEqualTo("18" + "777" + "18");
    assertThat(b.decode(b.encode("Снегопад 13 января. Ёлка, чай", "t")))
        .isEqualTo("СНЕГОПАД13ЯНВАРЯ.ЕЛКА,ЧАИ");
    StraddlingCheckerboard keyed = StraddlingCheckerboard.russianKeyed("0123456789", "СНЕГОПАД");
    assertThat(keyed.decode(keyed.encode("ЦЕНТР", "t"))).isEqualTo("ЦЕНТР");
  }

  @Test
  void unknownCharacter_namesItsPosition() {
    assertThatThrownBy(() -> StraddlingCheckerboard.english().encode("AT\nDA,WN", "m.txt"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage("m.txt:2:3: ',' (U+002C) is not on the checkerboard");
  }

  @Test
  void layoutIsChecked() {
    assertThatThrownBy(() -> StraddlingCheckerboard.builder().topRow("ET AON RIS")
        .rows("BCDFGHJKLMPQUVWXYZ.").build()).hasMessageContaining("figure shift");
    assertThatThrownBy(() -> StraddlingCheckerboard.builder().topRow("ET AON RIS")
        .rows("BC/DFGHJKLMPQUVWXYZ.").build()).hasMessageContaining("doubled digit");
    assertThatThrownBy(() -> StraddlingCheckerboard.builder().topRow("ET AON RIS")
        .rows("BCDFGHJKLMPQ/UVWXYZE").build()).hasMessageContaining("twice");
    assertThat(StraddlingCheckerboard.english().toString()).doesNotContain("ET");
  }
}
