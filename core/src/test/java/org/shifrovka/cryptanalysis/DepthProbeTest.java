package org.shifrovka.cryptanalysis;

import org.junit.jupiter.api.Test;

class DepthProbeTest {
  @Test
  void probe() {
    int n = Integer.getInteger("n", 0);
    if (n == 0) {
      return;
    }
    Traffic t = TrafficGenerator.builder().messages(n).seed(11).reuseRate(0.02)
        .duplicatePageRate(0.05).build().generate();
    long t0 = System.nanoTime();
    DepthFinding f = DepthFinder.standard().find(t.intercepts());
    System.out.println("ms " + (System.nanoTime() - t0) / 1e6);
    DepthScore s = DepthScore.of(f, t.answers());
    System.out.println(s + " p=" + s.precision() + " r=" + s.recall());
  }
}
