package org.shifrovka.ctc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.shifrovka.MalformedInputException;

class TelegraphCodeTest {

  @Test
  void knownAnswersOfTheIssue() throws Exception {
    TelegraphCode t = TelegraphCode.traditional();
    TelegraphCode m = TelegraphCode.mainland();
    assertThat(TelegraphCode.formatGroups(t.encode("毛澤東", "t"))).isEqualTo("3029 3419 2639");
    assertThat(TelegraphCode.formatGroups(m.encode("毛泽东", "m"))).isEqualTo("3029 3419 2639");
    assertThat(TelegraphCode.formatGroups(t.encode("斯大林", "t"))).isEqualTo("2448 1129 2651");
    assertThat(TelegraphCode.formatGroups(m.encode("斯大林", "m"))).isEqualTo("2448 1129 2651");
    assertThat(t.decodeGroups("3029 3419 2639", "g")).isEqualTo("毛澤東");
    assertThat(m.decodeGroups("3029 3419 2639", "g")).isEqualTo("毛泽东");
  }

  @Test
  void tablesRecordTheirUnicodeVersionAndSize() {
    assertThat(TelegraphCode.traditional().unicodeVersion()).isEqualTo("15.0.0");
    assertThat(TelegraphCode.traditional().size()).isGreaterThan(9000);
    assertThat(TelegraphCode.mainland().size()).isGreaterThan(7000);
    assertThat(TelegraphCode.traditional().code('0' + 1)).isEmpty();
  }

  @Test
  void simplifiedCharacterIsNotInTheTraditionalTable() {
    assertThatThrownBy(() -> TelegraphCode.traditional().encode("毛\n毛泽东", "msg.txt"))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage("msg.txt:2:2: '泽' (U+6CFD) is not in the traditional Chinese telegraph code");
  }

  @Test
  void whitespaceIsNotSentAndUnknownMayBeDropped() throws Exception {
    TelegraphCode t = TelegraphCode.traditional();
    assertThat(t.encode(" 毛 澤\n東 ", "t")).containsExactly(3029, 3419, 2639);
    assertThat(t.encode("毛A澤東!", "t", true)).containsExactly(3029, 3419, 2639);
    assertThatThrownBy(() -> t.encode(" \n", "e")).hasMessage("e: the text has no character to"
        + " send");
  }

  @Test
  void badGroupsAreNamedByPosition() {
    TelegraphCode t = TelegraphCode.traditional();
    assertThatThrownBy(() -> t.decodeGroups("3029 341 2639", "in"))
        .hasMessage("in:1:6: '341' is not a four-digit telegraph code group");
    assertThatThrownBy(() -> t.decodeGroups("3029\n9999", "in"))
        .hasMessage("in:2:1: code 9999 is not assigned in the traditional Chinese telegraph code");
  }

  @Test
  void secondCodesDecodeToTheirCharacter() throws Exception {
    TelegraphCode t = TelegraphCode.traditional();
    // U+5875 has two codes in kTaiwanTelegraph, "1057 7775": encoding uses the first
    assertThat(t.encode("\u5875", "t")).containsExactly(1057);
    assertThat(t.decodeGroups("7775", "t")).isEqualTo("\u5875");
  }
}
