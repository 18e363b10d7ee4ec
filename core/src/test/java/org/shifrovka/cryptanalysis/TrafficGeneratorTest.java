package org.shifrovka.cryptanalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.codebook.CodebookStyle;
import org.shifrovka.codebook.Vocabulary;
import org.shifrovka.text.Language;

class TrafficGeneratorTest {

  @Test
  void theSameSeedGivesTheSameTraffic() {
    TrafficGenerator g = TrafficGenerator.builder().messages(30).seed(77).build();
    Traffic a = g.generate();
    Traffic b = TrafficGenerator.builder().messages(30).seed(77).build().generate();
    assertThat(a.intercepts()).isEqualTo(b.intercepts());
    assertThat(a.answers()).isEqualTo(b.answers());
    assertThat(TrafficGenerator.builder().messages(30).seed(78).build().generate().intercepts())
        .isNotEqualTo(a.intercepts());
  }

  @Test
  void theAnswersAgreeWithTheIndicatorsSent() {
    Traffic t = TrafficGenerator.builder().messages(150).seed(9).reuseRate(0.1)
        .duplicatePageRate(0.1).build().generate();
    assertThat(t.answers().depths()).isNotEmpty();
    for (TrafficAnswers.TrueDepth d : t.answers().depths()) {
      long indicators = d.members().stream()
          .map(m -> t.intercepts().get(m.interceptId() - 1).indicator()).distinct().count();
      if (d.kind() == TrafficAnswers.Fault.SAME_INDICATOR) {
        assertThat(indicators).isEqualTo(1);
      } else {
        assertThat(indicators).isGreaterThan(1);
      }
    }
    for (TrafficAnswers.Sent s : t.answers().sent()) {
      assertThat(t.intercepts().get(s.interceptId() - 1).indicator()).isEqualTo(s.indicator());
    }
  }

  @Test
  void theHonestLedgerMakesNoDepth() {
    Traffic t = TrafficGenerator.builder().messages(100).seed(4).reuseRate(0)
        .duplicatePageRate(0).build().generate();
    assertThat(t.answers().depths()).isEmpty();
    assertThat(t.answers().sent()).allSatisfy(
        s -> assertThat(s.fault()).isEqualTo(TrafficAnswers.Fault.NONE));
  }

  @Test
  void everyWordOfTheGrammarIsInTheBuiltInCodebook() {
    Codebook book = Codebook.generate(Vocabulary.builtIn(Language.ENGLISH), CodebookStyle.TWO_PART,
        1);
    for (String w : TrafficComposer.allWords()) {
      assertThat(book.code(w).isPresent() || allWordsCoded(book, w)).as(w).isTrue();
    }
  }

  private static boolean allWordsCoded(Codebook book, String phrase) {
    for (String t : phrase.split(" ")) {
      if (book.code(t).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> TrafficGenerator.builder().messages(0).build())
        .hasMessageContaining("messages");
    assertThatThrownBy(() -> TrafficGenerator.builder().reuseRate(-0.1).build())
        .hasMessageContaining("reuse rate");
    assertThatThrownBy(() -> TrafficGenerator.builder().length(50, 10).build())
        .hasMessageContaining("lengths");
  }

  @Test
  void theAnswersHideTheTextsInToString() {
    Traffic t = TrafficGenerator.builder().messages(5).seed(1).build().generate();
    assertThat(t.answers().toString()).doesNotContain("STOP");
    assertThat(t.answers().sent().get(0).toString()).doesNotContain("STOP");
  }
}
