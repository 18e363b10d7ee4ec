package org.shifrovka.vic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.shifrovka.MalformedInputException;

/** The rules around the worked examples: where the keygroup goes, short messages, errors. */
class VicCipherTest {
  private static VicCipher withDate(String date) {
    return VicCipher.builder().phrase("ТОЛЬКО СЛЫШНО НА УЛИЦЕ ГДЕ-ТО").date(date)
        .personalNumber(13).build();
  }

  @Test
  void theKeygroupStandsAsManyGroupsFromTheEndAsTheDatesLastDigit() throws Exception {
    VicCipher vic = withDate("391943");
    VicEncipherment e = vic.encipher("ПРИКРЫТИЯ МЫ ДАЛИ УКАЗАНИЕ ПЕРЕДАТЬ", "20818", "m");
    assertThat(vic.indicatorPositionFromEnd()).isEqualTo(3);
    assertThat(e.indicatorIndex()).isEqualTo(e.groups().size() - 3);
    assertThat(vic.decipher(e.ciphertext()).text()).isEqualTo("ПРИКРЫТИЯМЫДАЛИУКАЗАНИЕПЕРЕДАТЬ");
  }

  @Test
  void aZeroCountsAsTenAndAShortMessageHasTheKeygroupFirst() throws Exception {
    VicCipher vic = withDate("391940");
    assertThat(vic.indicatorPositionFromEnd()).isEqualTo(10);
    VicEncipherment e = vic.encipher("ДА", "20818", "m");
    assertThat(e.groups()).hasSize(2);
    assertThat(e.indicatorIndex()).isZero();
    assertThat(e.groups().get(1)).hasSize(3); // Д = 25, А = 4: the last group is short
    assertThat(vic.decipher(e.ciphertext()).text()).isEqualTo("ДА");
  }

  @Test
  void theKeygroupMayBeTheLastGroup() throws Exception {
    VicCipher vic = withDate("391941");
    VicEncipherment e = vic.encipher("ПОЗДРАВЛЯЕМ", "20818", "m");
    assertThat(e.indicatorIndex()).isEqualTo(e.groups().size() - 1);
    assertThat(vic.decipher(e.ciphertext()).text()).isEqualTo("ПОЗДРАВЛЯЕМ");
  }

  @Test
  void theCutAtStartOfTextComesBackInOrder() throws Exception {
    VicCipher vic = withDate("391945");
    String sent = vic.cutAt("ПОЗДРАВЛЯЕМ С ПРИБЫТИЕМ", 14);
    assertThat(sent).isEqualTo("ПРИБЫТИЕМ#ПОЗДРАВЛЯЕМ С ");
    VicDecipherment d = vic.decipher(vic.encipher(sent, "20818", "m").ciphertext());
    assertThat(d.text()).isEqualTo("ПРИБЫТИЕМ#ПОЗДРАВЛЯЕМС");
    assertThat(d.message()).isEqualTo("ПОЗДРАВЛЯЕМСПРИБЫТИЕМ");
    assertThatThrownBy(() -> VicCipher.builder().phrase("I dream of Jeannie with t")
        .date("741776").personalNumber(8).board(VicBoard.ENGLISH).build().cutAt("AB", 1))
        .hasMessageContaining("no Н/Т sign");
    assertThatThrownBy(() -> vic.cutAt("ДА", 3)).hasMessageContaining("outside the message");
    assertThat(VicBoard.RUSSIAN.over("5073894612").code('#')).isEqualTo("28"); // Kahn's Н/Т
    assertThat(VicBoard.ENGLISH.over("1205348679").code('#')).isNull();
  }

  @Test
  void aCharacterOffTheBoardIsReportedWhereItStands() {
    assertThatThrownBy(() -> withDate("391945").encipher("ДА\nНЕТ!", "20818", "msg.txt"))
        .isInstanceOf(MalformedInputException.class).hasMessageContaining("msg.txt:2:4");
  }

  @Test
  void badKeysAndGroupsAreRefused() {
    assertThatThrownBy(() -> VicCipher.builder().phrase("СЛИШКОМ КОРОТКО").date("391945")
        .personalNumber(13).build()).hasMessageContaining("20 letters");
    assertThatThrownBy(() -> VicCipher.builder().phrase("ТОЛЬКО СЛЫШНО НА УЛИЦЕ ГДЕ-ТО")
        .date("3919").personalNumber(13).build()).hasMessageContaining("five digits");
    assertThatThrownBy(() -> VicCipher.builder().phrase("ТОЛЬКО СЛЫШНО НА УЛИЦЕ ГДЕ-ТО")
        .date("391945").personalNumber(17).build()).hasMessageContaining("1-16");
    VicCipher vic = withDate("391945");
    assertThatThrownBy(() -> vic.encipher("ДА", "2081", "m")).hasMessageContaining("keygroup");
    assertThatThrownBy(() -> vic.decipher("12345 6789X 11111"))
        .hasMessageContaining("group 2 is not digits");
    assertThatThrownBy(() -> vic.decipher("12345")).hasMessageContaining("at least one group");
    assertThatThrownBy(() -> withDate("391941").decipher("12345 678"))
        .hasMessageContaining("not five digits");
  }

  @Test
  void toStringShowsNoKey() throws Exception {
    VicCipher vic = withDate("391945");
    VicEncipherment e = vic.encipher("ДА", "20818", "m");
    assertThat(vic.toString()).isEqualTo("VicCipher[RUSSIAN board]");
    assertThat(e.toString()).isEqualTo("VicEncipherment[2 groups]");
    assertThat(vic.decipher(e.ciphertext()).toString()).isEqualTo("VicDecipherment[2 groups]");
  }
}
