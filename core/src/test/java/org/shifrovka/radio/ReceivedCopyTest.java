package org.shifrovka.radio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReceivedCopyTest {

  private static final String G12345 = ".---- ..--- ...-- ....- .....";
  private static final String G67890 = "-.... --... ---.. ----. -----";

  @Test
  void read_cleanStream_hasNoSuspects() {
    ReceivedCopy copy = ReceivedCopy.read(G12345 + " / " + G67890, 2, DigitKeying.FULL);

    assertThat(copy.groups()).containsExactly("12345", "67890");
    assertThat(copy.isClean()).isTrue();
    assertThat(copy.repeatRequests()).isEmpty();
  }

  @Test
  void read_invalidPattern_marksTheFigureAndTheGroup() {
    ReceivedCopy copy =
        ReceivedCopy.read(G12345 + " / -.... --.. ---.. ----. -----", 2, DigitKeying.FULL);

    assertThat(copy.groups()).containsExactly("12345", "6?890");
    assertThat(copy.suspectGroupNumbers()).containsExactly(2);
    assertThat(copy.repeatRequests()).containsExactly(RepeatRequest.group(2));
  }

  @Test
  void read_wrongLengthOrEmptyWord_marksTheWholeGroup() {
    ReceivedCopy merged =
        ReceivedCopy.read("/ .----..--- ...-- ....- ..... / " + G67890 + " /", 2, DigitKeying.FULL);
    ReceivedCopy lost = ReceivedCopy.read("/ / " + G67890 + " /", 2, DigitKeying.FULL);

    assertThat(merged.groups()).containsExactly("?????", "67890");
    assertThat(lost.groups()).containsExactly("?????", "67890");
    assertThat(lost.suspectGroupNumbers()).containsExactly(1);
  }

  @Test
  void read_countDifferentFromTheHeader_suspectsEveryGroup() {
    ReceivedCopy copy = ReceivedCopy.read(G12345 + " / " + G67890, 3, DigitKeying.FULL);

    assertThat(copy.groups()).containsExactly("12345", "67890", "?????");
    assertThat(copy.suspectGroupNumbers()).containsExactly(1, 2, 3);
    assertThat(copy.repeatRequests()).containsExactly(RepeatRequest.wholeText());
  }

  @Test
  void read_swappedElementGivingAnotherFigure_isUndetectable() {
    // 1 .---- with its first dit heard as a dah is 0 -----: five valid figures, nothing to see
    ReceivedCopy copy = ReceivedCopy.read("----- ..--- ...-- ....- .....", 1, DigitKeying.FULL);

    assertThat(copy.groups()).containsExactly("02345");
    assertThat(copy.isClean()).isTrue();
  }

  @Test
  void withRepeat_cleanReadingReplacesASuspectGroup() {
    ReceivedCopy copy = ReceivedCopy.read("/ / " + G67890 + " /", 2, DigitKeying.FULL);

    ReceivedCopy repaired = copy.withRepeat(RepeatRequest.group(1), G12345, DigitKeying.FULL);
    ReceivedCopy stillBad =
        copy.withRepeat(RepeatRequest.group(1), ".---- ..--- ...--", DigitKeying.FULL);

    assertThat(repaired.groups()).containsExactly("12345", "67890");
    assertThat(repaired.isClean()).isTrue();
    assertThat(stillBad).isEqualTo(copy);
  }

  @Test
  void withRepeat_cleanButDifferentReadingOfACleanGroup_makesItSuspect() {
    ReceivedCopy copy = ReceivedCopy.read("----- ..--- ...-- ....- .....", 1, DigitKeying.FULL);

    ReceivedCopy checked = copy.withRepeat(RepeatRequest.group(1), G12345, DigitKeying.FULL);

    assertThat(checked.groups()).containsExactly("?2345");
    assertThat(checked.suspectGroupNumbers()).containsExactly(1);
  }

  @Test
  void read_cutNumbers_needTheCutKeying() {
    ReceivedCopy copy = ReceivedCopy.read(".- ..- ...- ....- .", 1, DigitKeying.CUT);

    assertThat(copy.groups()).containsExactly("12345");
    assertThatThrownBy(() -> ReceivedCopy.read(".- x", 1, DigitKeying.CUT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("column 4");
  }
}
