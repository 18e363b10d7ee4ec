package org.shifrovka.cryptanalysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DepthFinderTest {

  @Test
  void findsThePlantedDepthsOfGeneratedTrafficWithoutFalseOnes() {
    Traffic t = TrafficGenerator.builder().messages(120).seed(11).reuseRate(0.05)
        .duplicatePageRate(0.10).build().generate();
    assertThat(t.answers().depths()).isNotEmpty();
    DepthFinding f = DepthFinder.standard().find(t.intercepts());
    DepthScore s = DepthScore.of(f, t.answers());
    assertThat(s.precision()).isEqualTo(1.0);
    assertThat(s.recall()).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void depthsAreFoundThroughGarbledDigitsToo() {
    Traffic t = TrafficGenerator.builder().messages(120).seed(11).reuseRate(0.05)
        .duplicatePageRate(0.10).garbleRate(0.05).build().generate();
    assertThat(t.intercepts()).anySatisfy(
        i -> assertThat(i.radiogram().groups()).anySatisfy(g -> assertThat(g).contains("?")));
    DepthScore s = DepthScore.of(DepthFinder.standard().find(t.intercepts()), t.answers());
    assertThat(s.precision()).isEqualTo(1.0);
    assertThat(s.recall()).isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void honestTrafficHasNoDepth() {
    Traffic t = TrafficGenerator.builder().messages(150).seed(5).reuseRate(0)
        .duplicatePageRate(0).build().generate();
    assertThat(t.answers().depths()).isEmpty();
    assertThat(DepthFinder.standard().find(t.intercepts()).depths()).isEmpty();
  }

  @Test
  void aSameIndicatorOnOneLinkIsADepthByItself() {
    Traffic t = TrafficGenerator.builder().messages(60).seed(3).reuseRate(0.2)
        .duplicatePageRate(0).links(1).build().generate();
    DepthFinding f = DepthFinder.standard().find(t.intercepts());
    assertThat(DepthScore.of(f, t.answers()).recall()).isEqualTo(1.0);
    assertThat(f.depths()).allSatisfy(d -> assertThat(d.method()).isEqualTo(Depth.Method.INDICATOR));
  }

  @Test
  void poissonTailScoresAreKnownValues() {
    // P(X >= 1) = 1 - e^-1 for mean 1
    assertThat(DepthFinder.poissonTailScore(1, 1.0))
        .isCloseTo(-Math.log10(1 - Math.exp(-1)), org.assertj.core.data.Offset.offset(1e-9));
    // P(X >= 3), mean 0.01: about 0.01^3 / 6
    assertThat(DepthFinder.poissonTailScore(3, 0.01))
        .isCloseTo(-Math.log10(Math.pow(0.01, 3) / 6 * Math.exp(-0.01) * (1 + 0.01 / 4)),
            org.assertj.core.data.Offset.offset(1e-3));
    assertThat(DepthFinder.poissonTailScore(0, 0.5)).isZero();
  }

  @Test
  void coincidencesCountEqualWindowsAtTheSameKeyPosition() {
    byte[] a = Stripping.digits("12345 67890 12345");
    byte[] b = Stripping.digits("99999 12345 67890 12345");
    assertThat(DepthFinder.coincidences(a, b, -1)).isEqualTo(3); // b starts a group earlier
    assertThat(DepthFinder.coincidences(a, b, 0)).isZero();
    assertThat(List.of(DepthFinder.coincidences(b, a, 1))).containsExactly(3);
  }
}
