package org.shifrovka.cryptanalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CribDragTest {

  @Test
  void aRightCribShowsTheOtherTelegramsTrueWords() throws Exception {
    Traffic t = TrafficGenerator.builder().messages(60).seed(12).reuseRate(0.2)
        .duplicatePageRate(0).links(2).build().generate();
    TrafficAnswers.TrueDepth d = t.answers().depths().get(0);
    int a = d.members().get(0).interceptId();
    int b = d.members().get(1).interceptId();
    String textA = t.answers().sentAs(a).text();
    int[] codesA = ReadingScore.trueCodes(t.codebook(), textA);
    int[] codesB = ReadingScore.trueCodes(t.codebook(), t.answers().sentAs(b).text());
    // a crib of the first telegram's words at its code positions 3-5
    StringBuilder crib = new StringBuilder();
    for (int k = 3; k < 6; k++) {
      crib.append(crib.length() == 0 ? "" : " ").append(t.codebook().entry(codesA[k]).get());
    }
    CribDrag drag = CribDrag.drag(t.codebook(), TelegrapheseModel.standard(t.codebook()),
        t.intercepts(), d.members(), crib.toString());
    StringBuilder truthB = new StringBuilder();
    for (int k = 3; k < 6; k++) {
      truthB.append(truthB.length() == 0 ? "" : " ").append(t.codebook().entry(codesB[k]).get());
    }
    assertThat(drag.hits()).anySatisfy(h -> {
      assertThat(h.interceptId()).isEqualTo(a);
      assertThat(h.position()).isEqualTo(3);
      assertThat(h.others().get(b)).isEqualTo(truthB.toString());
    });
  }

  @Test
  void aCribWithASpelledWordIsRefused() {
    Traffic t = TrafficGenerator.builder().messages(2).seed(1).build().generate();
    assertThatThrownBy(() -> CribDrag.drag(t.codebook(), TelegrapheseModel.standard(t.codebook()),
        t.intercepts(), java.util.List.of(new DepthMember(1, 0), new DepthMember(2, 0)),
        "QWXZV")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spelled");
  }
}
