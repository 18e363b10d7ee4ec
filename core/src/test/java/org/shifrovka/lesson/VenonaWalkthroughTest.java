package org.shifrovka.lesson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VenonaWalkthroughTest {
  private static final VenonaWalkthrough w = VenonaWalkthrough.of(1949);

  @Test
  void theLessonFindsADepthReadsItAndFindsNoneWhenHonest() {
    assertThat(w.finding().depths()).isNotEmpty();
    assertThat(w.score().recovered()).isPositive();
    assertThat(w.honestFinding().depths()).isEmpty();
    assertThat(w.taught()).isTrue();
  }

  @Test
  void theLessonReadsADepthOfThreeOrMoreAndRecoversMostOfItsWords() {
    // seed 1949's traffic holds one two-deep depth only (44 of 219 words read): the lesson
    // moves on to 1950's, whose six-deep depth reads 559 of 739
    assertThat(w.seed()).isEqualTo(1950);
    assertThat(w.finding().depths())
        .anySatisfy(d -> assertThat(d.members()).hasSizeGreaterThanOrEqualTo(3));
    assertThat(w.score().recovered() * 2).isGreaterThan(w.score().words());
  }

  @Test
  void hasTheFiveStagesInOrderEachCitingItsSources() {
    assertThat(w.stages()).extracting(Stage::id).containsExactly(VenonaStageId.values());
    for (Stage s : w.stages()) {
      assertThat(s.number()).isEqualTo(((VenonaStageId) s.id()).ordinal() + 1);
      assertThat(s.explanation()).contains("Sources: §");
      assertThat(s.output()).isNotEmpty();
    }
    assertThat(w.stage(VenonaStageId.STRIP).output().get(0))
        .isInstanceOfSatisfying(Value.Groups.class,
            g -> assertThat(g.digits()).allSatisfy(d -> assertThat(d).hasSize(4))
                .contains("0000")); // the window shown holds a word both telegrams have
  }

  @Test
  void everyCitationIsASectionAndKeyOfTheReference() throws Exception {
    String ref = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs",
        "period-telegraphy.md"));
    String keys = ref.substring(ref.indexOf("\n## 9. "), ref.indexOf("\n## 10. "));
    for (Stage s : w.stages()) {
      for (Source src : s.sources()) {
        String number = src.section().substring(1);
        assertThat(ref).as(s.id() + " cites " + src.section())
            .containsPattern("(?m)^#{2,3} " + java.util.regex.Pattern.quote(number) + "\\.? ");
        for (String k : src.keys()) {
          assertThat(keys).as(s.id() + " cites " + k).contains("| " + k + " |");
        }
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameLesson() {
    VenonaWalkthrough again = VenonaWalkthrough.of(1949);
    assertThat(again.stages()).isEqualTo(w.stages());
  }

  @Test
  void stageIdsParse() {
    assertThat(VenonaStageId.of("Strip")).isEqualTo(VenonaStageId.STRIP);
    assertThat(VenonaStageId.of("5")).isEqualTo(VenonaStageId.HONEST_LEDGER);
    assertThatThrownBy(() -> VenonaStageId.of("x")).hasMessageContaining("honest-ledger");
  }
}
