package org.shifrovka.cryptanalysis;

import org.junit.jupiter.api.Test;

class ReadProbeTest {
  @Test
  void probe() {
    int n = Integer.getInteger("n", 0);
    if (n == 0) {
      return;
    }
    Traffic t = TrafficGenerator.builder().messages(n).seed(21).reuseRate(0.15)
        .duplicatePageRate(0.1).length(120, 240).build().generate();
    DepthReader reader = DepthReader.of(t.codebook());
    if (Boolean.getBoolean("oracle")) {
      Traffic other = TrafficGenerator.builder().messages(2000).seed(999).codebook(t.codebook()).build().generate();
      java.util.List<String> texts = new java.util.ArrayList<>();
      for (TrafficAnswers.Sent s : other.answers().sent()) {
        texts.add(s.text());
      }
      reader = DepthReader.builder(t.codebook()).model(TelegrapheseModel.train(t.codebook(), texts, java.util.List.of())).build();
    }
    ReadingScore two = new ReadingScore(0, 0, 0);
    ReadingScore three = new ReadingScore(0, 0, 0);
    long t0 = System.nanoTime();
    int k = 0;
    for (TrafficAnswers.TrueDepth d : t.answers().depths()) {
      Reading r = reader.read(t.intercepts(), d.members());
      ReadingScore s = ReadingScore.of(r, t.answers(), t.codebook());
      if (d.members().size() == 2) {
        two = two.plus(s);
      } else {
        three = three.plus(s);
      }
      if (k++ < 2) {
        System.out.println(r.telegrams().get(0).text(t.codebook()));
        System.out.println(t.answers().sentAs(r.telegrams().get(0).interceptId()).text());
      }
    }
    System.out.println("ms " + (System.nanoTime() - t0) / 1e6 + " depths " + k);
    System.out.println("two " + two + " " + two.accuracy());
    System.out.println("three " + three + " " + three.accuracy());
  }
}
