package org.shifrovka.cryptanalysis;

import org.junit.jupiter.api.Test;

class DepthProbeTest {
  @Test
  void probe() {
    int n = Integer.getInteger("n", 0);
    if (n == 0) {
      return;
    }
    Traffic t = TrafficGenerator.builder().messages(n).seed(Long.getLong("seed", 11)).reuseRate(Double.parseDouble(System.getProperty("reuse", "0.02")))
        .duplicatePageRate(Double.parseDouble(System.getProperty("dup", "0.05"))).build().generate();
    long t0 = System.nanoTime();
    DepthFinding f = DepthFinder.standard().find(t.intercepts());
    System.out.println("ms " + (System.nanoTime() - t0) / 1e6);
    DepthScore s = DepthScore.of(f, t.answers());
    System.out.println(s + " p=" + s.precision() + " r=" + s.recall());
    java.util.Set<DepthPair> truth = new java.util.HashSet<>(t.answers().truePairs());
    for (Depth d : f.depths()) {
      for (Depth.Evidence e : d.evidence()) {
        if (!truth.contains(e.pair())) {
          System.out.println(t.answers().sentAs(e.pair().first()) + " / " + t.answers().sentAs(e.pair().second()));
          System.out.println("FALSE " + e + " links " + t.intercepts().get(e.pair().first() - 1).link() + " " + t.intercepts().get(e.pair().second() - 1).link());
        }
      }
    }
  }
}
