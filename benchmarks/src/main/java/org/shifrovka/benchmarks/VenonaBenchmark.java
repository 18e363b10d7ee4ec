package org.shifrovka.benchmarks;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.shifrovka.cryptanalysis.DepthFinder;
import org.shifrovka.cryptanalysis.DepthFinding;
import org.shifrovka.cryptanalysis.DepthMember;
import org.shifrovka.cryptanalysis.DepthPair;
import org.shifrovka.cryptanalysis.DepthReader;
import org.shifrovka.cryptanalysis.DepthScore;
import org.shifrovka.cryptanalysis.Intercept;
import org.shifrovka.cryptanalysis.Reading;
import org.shifrovka.cryptanalysis.ReadingScore;
import org.shifrovka.cryptanalysis.TelegrapheseModel;
import org.shifrovka.cryptanalysis.Traffic;
import org.shifrovka.cryptanalysis.TrafficAnswers;
import org.shifrovka.cryptanalysis.TrafficGenerator;

/**
 * The VENONA targets of issue 16, measured (not JMH: these are accuracy figures with a wall-clock
 * time, one run each, from fixed seeds).
 *
 * <ol>
 *   <li>Depth finding: 1,000 intercepts with 5% of the telegrams on duplicated pages (and the
 *       default 2% same-indicator reuse), for each seed; precision and recall in pairs of
 *       telegrams with the right alignment, and the wall time of {@link DepthFinder#find} (its
 *       first call in the JVM and the best of three).
 *   <li>Reading with the codebook known: traffic with more faults (400 telegrams, 15% reuse, 10%
 *       duplicated pages, 120-240 code groups), every true depth read with the standard
 *       {@link TelegrapheseModel} (the 1949 text, the State of the Union addresses 1934-1953
 *       and the codebook vocabulary; never the traffic), deepest depths first, each further trained
 *       on the attack's readings of the other depths ({@link DepthReader#readTraffic}).
 *       Words recovered in two-deep depths whose shorter telegram has at least 100 groups, and
 *       in three-deep depths, counted at the code positions in depth.
 *   <li>Without depth: every telegram of the reading traffic read alone (nothing can be read),
 *       and pairs of telegrams on different keys read as if they were a depth (what a reader
 *       "recovers" by chance when there is no depth).
 * </ol>
 *
 * <p>{@code java -cp benchmarks/target/benchmarks.jar org.shifrovka.benchmarks.VenonaBenchmark}
 * [seeds, default {@code 1,2,3}]. Add {@code --generator-model} for a diagnostic that is not the
 * attack: the reader with a model trained on other traffic of the same generator (its grammar,
 * which the real attack must never see), to show how much of the error is the model's.
 */
public final class VenonaBenchmark {
  private VenonaBenchmark() {}

  /**
   * Runs the measurements and prints them.
   *
   * @param args seeds as {@code 1,2,3}, and optionally {@code --generator-model}
   */
  /** Passes of reading the traffic ({@code -Drounds=N}, default 3). */
  static final int ROUNDS = Integer.getInteger("rounds", 3);

  public static void main(String[] args) {
    List<Long> seeds = new ArrayList<>(List.of(1L, 2L, 3L));
    boolean generatorModel = false;
    for (String a : args) {
      if (a.equals("--generator-model")) {
        generatorModel = true;
      } else {
        seeds.clear();
        for (String s : a.split(",")) {
          seeds.add(Long.parseLong(s.strip()));
        }
      }
    }
    System.out.println("java " + System.getProperty("java.version") + ", "
        + Runtime.getRuntime().availableProcessors() + " cores");
    for (long seed : seeds) {
      depthFinding(seed);
    }
    for (long seed : seeds) {
      reading(seed, generatorModel);
    }
  }

  private static void depthFinding(long seed) {
    Traffic t = TrafficGenerator.builder().messages(1000).seed(seed).duplicatePageRate(0.05)
        .build().generate();
    long t0 = System.nanoTime();
    DepthFinding f = DepthFinder.standard().find(t.intercepts());
    double first = (System.nanoTime() - t0) / 1e9;
    double best = first;
    for (int i = 0; i < 2; i++) {
      long s = System.nanoTime();
      DepthFinder.standard().find(t.intercepts());
      best = Math.min(best, (System.nanoTime() - s) / 1e9);
    }
    DepthScore s = DepthScore.of(f, t.answers());
    int dup = 0;
    for (TrafficAnswers.TrueDepth d : t.answers().depths()) {
      if (d.kind() == TrafficAnswers.Fault.DUPLICATE_PAGE) {
        dup += d.members().size();
      }
    }
    System.out.printf(Locale.ROOT, "depth seed %d: 1000 intercepts, %d depths (%d true pairs, %d"
        + " telegrams on pages printed twice), found %d pairs, %d right: precision %.3f recall"
        + " %.3f; find %.2f s first call, %.2f s best of 3%n", seed, t.answers().depths().size(),
        s.truePairs(), dup, s.found(), s.correct(), s.precision(), s.recall(), first, best);
  }

  private static void reading(long seed, boolean generatorModel) {
    Traffic t = TrafficGenerator.builder().messages(400).seed(seed).reuseRate(0.15)
        .duplicatePageRate(0.10).length(120, 240).build().generate();
    DepthReader reader = DepthReader.of(t.codebook());
    report("reading seed " + seed, t, reader);
    if (generatorModel) {
      Traffic other = TrafficGenerator.builder().messages(2000).seed(seed + 1_000_000)
          .codebook(t.codebook()).build().generate();
      List<String> texts = new ArrayList<>();
      for (TrafficAnswers.Sent s : other.answers().sent()) {
        texts.add(s.text());
      }
      DepthReader diag = DepthReader.builder(t.codebook())
          .model(TelegrapheseModel.train(t.codebook(), texts, List.of())).build();
      report("DIAGNOSTIC, NOT THE ATTACK (model of the generator's grammar) seed " + seed, t,
          diag);
    }
    // without depth: alone, and false pairs
    ReadingScore alone = new ReadingScore(0, 0, 0);
    Set<Integer> inDepth = new HashSet<>();
    for (TrafficAnswers.TrueDepth d : t.answers().depths()) {
      for (DepthMember m : d.members()) {
        inDepth.add(m.interceptId());
      }
    }
    List<Intercept> lone = new ArrayList<>();
    for (Intercept i : t.intercepts()) {
      if (!inDepth.contains(i.id())) {
        lone.add(i);
      }
    }
    for (Intercept i : lone) {
      Reading r = reader.read(t.intercepts(), List.of(new DepthMember(i.id(), 0)));
      alone = alone.plus(ReadingScore.of(r, t.answers(), t.codebook()));
    }
    ReadingScore falsePairs = new ReadingScore(0, 0, 0);
    int pairs = 0;
    Set<DepthPair> truth = new HashSet<>(t.answers().truePairs());
    for (int k = 0; k + 1 < lone.size() && pairs < 20; k += 2, pairs++) {
      int a = lone.get(k).id();
      int b = lone.get(k + 1).id();
      if (truth.contains(new DepthPair(Math.min(a, b), Math.max(a, b), 0))) {
        continue;
      }
      Reading r = reader.read(t.intercepts(), List.of(new DepthMember(a, 0),
          new DepthMember(b, 0)));
      falsePairs = falsePairs.plus(ReadingScore.of(r, t.answers(), t.codebook()));
    }
    System.out.printf(Locale.ROOT, "no depth seed %d: %d telegrams read alone: %d of %d words"
        + " recovered; %d pairs on different keys read as a depth: %d of %d words (%.2f%%), by"
        + " chance%n", seed, lone.size(), alone.recovered(), alone.allWords(), pairs,
        falsePairs.recovered(), falsePairs.words(), 100 * falsePairs.accuracy());
  }

  private static void report(String label, Traffic t, DepthReader reader) {
    ReadingScore two = new ReadingScore(0, 0, 0);
    ReadingScore three = new ReadingScore(0, 0, 0);
    int nTwo = 0;
    int nThree = 0;
    long t0 = System.nanoTime();
    List<List<DepthMember>> all = new ArrayList<>();
    for (TrafficAnswers.TrueDepth d : t.answers().depths()) {
      all.add(d.members());
    }
    List<Reading> readings = reader.readTraffic(t.intercepts(), all, ROUNDS);
    int k = 0;
    for (TrafficAnswers.TrueDepth d : t.answers().depths()) {
      Reading reading = readings.get(k++);
      int shortest = Integer.MAX_VALUE;
      for (DepthMember m : d.members()) {
        shortest = Math.min(shortest, t.intercepts().get(m.interceptId() - 1).cipherGroups());
      }
      if (d.members().size() == 2 && shortest >= 100) {
        two = two.plus(ReadingScore.of(reading, t.answers(), t.codebook()));
        nTwo++;
      } else if (d.members().size() == 3) {
        three = three.plus(ReadingScore.of(reading, t.answers(), t.codebook()));
        nThree++;
      }
    }
    System.out.printf(Locale.ROOT, "%s: two-deep (shorter >= 100 groups) %d depths, %d of %d"
        + " words in depth recovered: %.1f%%; three-deep %d depths, %d of %d: %.1f%%; %.1f s%n",
        label, nTwo, two.recovered(), two.words(), 100 * two.accuracy(), nThree,
        three.recovered(), three.words(), 100 * three.accuracy(),
        (System.nanoTime() - t0) / 1e9);
  }
}
