package org.shifrovka.lesson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.shifrovka.CipherOffice;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.cryptanalysis.Depth;
import org.shifrovka.cryptanalysis.DepthFinder;
import org.shifrovka.cryptanalysis.DepthFinding;
import org.shifrovka.cryptanalysis.DepthMember;
import org.shifrovka.cryptanalysis.DepthReader;
import org.shifrovka.cryptanalysis.Intercept;
import org.shifrovka.cryptanalysis.Reading;
import org.shifrovka.cryptanalysis.ReadingScore;
import org.shifrovka.cryptanalysis.Stripping;
import org.shifrovka.cryptanalysis.Traffic;
import org.shifrovka.cryptanalysis.TrafficAnswers;
import org.shifrovka.cryptanalysis.TrafficGenerator;
import org.shifrovka.scenario.Scenario1949;

/**
 * The VENONA lesson: KUZNETSOV's office in Moscow keeps the pad books of two links, TEREBIN's from
 * Xibaipo and KOVALEV's from Mukden, and the factory printed some pages of TEREBIN's book a second
 * time into KOVALEV's (the 1942 duplicates). A class, as the enemy, intercepts the traffic, finds
 * the telegrams in depth, strips the additive and reads them with the captured codebook; then the
 * same traffic with an honest ledger shows no depth at all.
 *
 * <p>Every stage is built from the objects of the run ({@link Traffic}, {@link DepthFinding},
 * {@link Reading}), as {@link Walkthrough} is. The codebook is the 1949 scenario's; the telegrams
 * are generated period traffic (the reader's model is trained on Mao's telegram, so reading that
 * telegram itself would prove nothing). Instances are immutable.
 */
public final class VenonaWalkthrough {
  /** Telegrams intercepted in the lesson. */
  public static final int MESSAGES = 16;

  private final long seed;
  private final List<Stage> stages;
  private final DepthFinding finding;
  private final DepthFinding honest;
  private final ReadingScore score;

  private VenonaWalkthrough(long seed, List<Stage> stages, DepthFinding finding,
      DepthFinding honest, ReadingScore score) {
    this.seed = seed;
    this.stages = List.copyOf(stages);
    this.finding = finding;
    this.honest = honest;
    this.score = score;
  }

  /**
   * Runs the lesson. The traffic comes from the first seed from {@code seed} on (at most 20 on)
   * whose traffic holds a depth of three or more telegrams, the kind an analyst would start on:
   * a two-deep depth in so little traffic reads poorly with the public model alone (seed 1949's
   * only depth, two deep, gave back 44 of 219 words; seed 1950's six-deep one 559 of 739). If none
   * of those seeds has one, the first with any depth; the lesson's {@link #seed()} says which.
   *
   * @param seed the seed of the codebook, pads and traffic
   * @return the lesson
   */
  public static VenonaWalkthrough of(long seed) {
    Codebook book = Scenario1949.withSeed(seed).codebook();
    Traffic t = null;
    DepthFinding f = null;
    long s = seed;
    for (long at = seed; at <= seed + 20; at++) {
      Traffic here = traffic(book, at, 0.6);
      DepthFinding found = DepthFinder.standard().find(here.intercepts());
      if (found.depths().isEmpty()) {
        continue;
      }
      boolean deep = deepest(found).members().size() >= 3;
      if (t == null || deep) {
        t = here;
        f = found;
        s = at;
      }
      if (deep) {
        break;
      }
    }
    if (t == null) {
      throw new IllegalStateException("no depth in the lesson traffic from seed " + seed);
    }
    Depth depth = deepest(f);
    Reading reading = DepthReader.of(book).read(t.intercepts(), depth.members());
    ReadingScore score = ReadingScore.of(reading, t.answers(), book);
    Traffic honestTraffic = traffic(book, s, 0);
    DepthFinding honest = DepthFinder.standard().find(honestTraffic.intercepts());
    List<Stage> stages = new ArrayList<>();
    stages.add(intercept(t, depth));
    stages.add(depth(t, f, depth));
    stages.add(strip(t, depth));
    stages.add(read(t, book, depth, reading, score));
    stages.add(honest(honestTraffic, honest));
    return new VenonaWalkthrough(s, stages, f, honest, score);
  }

  /** The depth of the most telegrams (the first of those if several); the finding has one. */
  private static Depth deepest(DepthFinding f) {
    Depth depth = f.depths().get(0);
    for (Depth d : f.depths()) {
      if (d.members().size() > depth.members().size()) {
        depth = d;
      }
    }
    return depth;
  }

  private static Traffic traffic(Codebook book, long seed, double duplicates) {
    return TrafficGenerator.builder().messages(MESSAGES).seed(seed).links(2).reuseRate(0)
        .duplicatePageRate(duplicates).length(100, 140).codebook(book).build().generate();
  }

  /** Returns the seed the traffic came from. */
  public long seed() {
    return seed;
  }

  /** Returns the five stages in order. */
  public List<Stage> stages() {
    return stages;
  }

  /** Returns a stage. */
  public Stage stage(VenonaStageId id) {
    return stages.get(id.ordinal());
  }

  /** Returns what the finder found in the faulty traffic. */
  public DepthFinding finding() {
    return finding;
  }

  /** Returns what the finder found in the honest traffic (nothing, if the pad holds). */
  public DepthFinding honestFinding() {
    return honest;
  }

  /** Returns how much of the depth was read right. */
  public ReadingScore score() {
    return score;
  }

  /** Returns true if the lesson shows what it should: a depth read, and none when honest. */
  public boolean taught() {
    return !finding.depths().isEmpty() && score.recovered() > 0 && honest.depths().isEmpty();
  }

  private static Intercept interceptOf(Traffic t, int id) {
    return t.intercepts().get(id - 1);
  }

  private static Stage intercept(Traffic t, Depth depth) {
    List<List<String>> rows = new ArrayList<>();
    for (Intercept i : t.intercepts()) {
      TrafficAnswers.Sent s = t.answers().sentAs(i.id());
      rows.add(List.of(Integer.toString(i.id()), i.link(),
          Integer.toString(i.radiogram().number()), CipherOffice.formatGroup(i.indicator()),
          Integer.toString(i.cipherGroups()), s.fault() == TrafficAnswers.Fault.NONE ? ""
              : "copied page"));
    }
    StringBuilder shown = new StringBuilder();
    for (DepthMember m : depth.members()) {
      Intercept i = interceptOf(t, m.interceptId());
      shown.append("INTERCEPT ").append(i.id()).append(" LINK ").append(i.link()).append('\n')
          .append(i.radiogram().render());
    }
    String body = "The interceptors copied " + t.intercepts().size() + " radiograms on two links"
        + " into Moscow, TEREBIN's and KOVALEV's, each keyed from its own pad book. In early 1942"
        + " the pad factory printed tens of thousands of pages twice and the duplicates went to"
        + " other users; here some pages of TEREBIN's book were printed again into KOVALEV's,"
        + " under KOVALEV's indicators. Nothing in a radiogram shows it: the indicators differ."
        + " (The last column is the answer key, for the teacher: the attack never sees it.)";
    return new Stage(1, VenonaStageId.INTERCEPT, "Traffic intercepted", body
        + " Sources: §2.4 (BLETCHLEY-BEYOND, 35K-ARTICLE, FOURMILAB-REVIEW); the traffic itself"
        + " is generated (inferred).",
        List.of(Source.of("§2.4", "BLETCHLEY-BEYOND", "35K-ARTICLE", "FOURMILAB-REVIEW")), true,
        List.of(new Value.Table("intercept log", List.of("intercept", "link", "No.",
            "indicator", "text groups", "answer key"), rows)),
        List.of(new Value.Text("the telegrams that will turn out to share a page",
            shown.toString())),
        List.of(Highlight.input(0, depth.members().get(0).interceptId() - 1,
            "different indicators, the same printed page")));
  }

  private static Stage depth(Traffic t, DepthFinding f, Depth depth) {
    List<List<String>> rows = new ArrayList<>();
    for (Depth.Evidence e : depth.evidence()) {
      rows.add(List.of(e.pair().first() + " and " + e.pair().second(),
          Integer.toString(e.pair().shift()), Integer.toString(e.coincidences()),
          Integer.toString(e.windows()),
          String.format(Locale.ROOT, "%.3f", e.windows() / 10_000.0),
          String.format(Locale.ROOT, "%.1f", e.score())));
    }
    List<Value.Field> fields = new ArrayList<>();
    fields.add(new Value.Field("depths found", Integer.toString(f.depths().size()),
        "sets of telegrams on the same key"));
    fields.add(new Value.Field("hypotheses tested", Long.toString(f.tests()),
        "pairs of telegrams times alignments"));
    fields.add(new Value.Field("score needed", String.format(Locale.ROOT, "%.1f",
        f.pageThreshold()), "-log10 of the chance, for alignments a whole page apart"));
    String body = "Where two telegrams were keyed with the same page, a 4-digit window of one"
        + " cipher text equals the other's at the same key position exactly when the code groups"
        + " beneath are the same word, and telegraphese repeats its words (STOP, THE, the"
        + " openings). By chance a window coincides once in 10,000. The analyst compares every"
        + " pair of telegrams at every alignment and keeps only what chance cannot explain over"
        + " all those tries; then, from the depths found, learns which differences of code groups"
        + " recur, and tests every pair again with them.";
    return new Stage(2, VenonaStageId.DEPTH, "The depth found", body
        + " Sources: §2.5 step 1; the statistics are shifrovka's (inferred).",
        List.of(Source.of("§2.5")), true,
        List.of(new Value.Fields("the search", fields)),
        List.of(new Value.Table("evidence of depth " + depth.id(), List.of("telegrams",
            "shift (groups)", "coinciding windows", "windows compared", "expected by chance",
            "score"), rows)),
        List.of(Highlight.output(0, 0, "far more coincidences than chance expects")));
  }

  private static Stage strip(Traffic t, Depth depth) {
    DepthMember a = depth.members().get(0);
    DepthMember b = depth.members().get(1);
    byte[] ca = interceptOf(t, a.interceptId()).cipherDigits();
    byte[] cb = interceptOf(t, b.interceptId()).cipherDigits();
    int from = 5 * b.offset() - 5 * a.offset(); // b's digit 0 on a's scale
    int startA = Math.max(0, from);
    int startB = Math.max(0, -from);
    int overlap = Math.min(ca.length - startA, cb.length - startB);
    // 48 digits are shown: from the start, or, if the first 0000 lies further on, from a
    // multiple of 20 digits (whole cipher and code groups) before it, so the class sees one
    int shift = firstZero(Stripping.difference(ca, startA, cb, startB, overlap));
    shift = shift + 4 <= 48 ? 0 : (shift - 8) / 20 * 20;
    startA += shift;
    startB += shift;
    int len = Math.min(overlap - shift, 48);
    byte[] d = Stripping.difference(ca, startA, cb, startB, len);
    List<Value.Group> ga = groups(ca, startA, len, 5);
    List<Value.Group> gb = groups(cb, startB, len, 5);
    List<Value.Group> gd = new ArrayList<>();
    int firstZero = -1;
    for (int i = 0; i + 4 <= len; i += 4) {
      String w = Stripping.format(Arrays.copyOfRange(d, i, i + 4), 4);
      boolean zero = w.equals("0000");
      if (zero && firstZero < 0) {
        firstZero = gd.size();
      }
      gd.add(new Value.Group(w, zero ? "the same code group in both" : null,
          zero ? Value.Mark.SPECIAL : Value.Mark.PLAIN));
    }
    String body = "Both telegrams were keyed with the same page, so subtracting one cipher text"
        + " from the other digit by digit mod 10, without borrowing, removes the key: what is left"
        + " is the difference of their code streams. Cut into 4-digit code groups, a 0000 shows"
        + " the same word in both telegrams at that place.";
    List<Highlight> hl = new ArrayList<>();
    if (firstZero >= 0) {
      hl.add(Highlight.output(0, firstZero, "0000: both telegrams have the same word here"));
    }
    return new Stage(3, VenonaStageId.STRIP, "The additive stripped", body
        + " Sources: §2.5 steps 2-3, §2.2.", List.of(Source.of("§2.5"), Source.of("§2.2")),
        false,
        List.of(new Value.Groups("intercept " + a.interceptId() + fromGroup(startA), ga),
            new Value.Groups("intercept " + b.interceptId() + fromGroup(startB), gb)),
        List.of(new Value.Groups("difference " + a.interceptId() + " - " + b.interceptId()
            + ", in code groups", gd)),
        hl);
  }

  /** The index of the first 0000 among the difference's 4-digit code groups, or -1. */
  private static int firstZero(byte[] difference) {
    for (int i = 0; i + 4 <= difference.length; i += 4) {
      if (difference[i] == 0 && difference[i + 1] == 0 && difference[i + 2] == 0
          && difference[i + 3] == 0) {
        return i;
      }
    }
    return -1;
  }

  /** ", from group N" when a window of cipher text does not start at its first group. */
  private static String fromGroup(int digit) {
    return digit == 0 ? "" : ", from group " + (digit / 5 + 1);
  }

  private static List<Value.Group> groups(byte[] digits, int from, int len, int size) {
    List<Value.Group> out = new ArrayList<>();
    for (int i = from; i + size <= from + len; i += size) {
      out.add(Value.Group.plain(Stripping.format(Arrays.copyOfRange(digits, i,
          i + size), size)));
    }
    return out;
  }

  private static Stage read(Traffic t, Codebook book, Depth depth, Reading reading,
      ReadingScore score) {
    List<Value> out = new ArrayList<>();
    for (Reading.Telegram r : reading.telegrams()) {
      out.add(new Value.Text("intercept " + r.interceptId() + " as read", r.text(book)));
      out.add(new Value.Text("intercept " + r.interceptId() + " as sent (answer key)",
          t.answers().sentAs(r.interceptId()).text()));
    }
    out.add(new Value.Fields("words recovered", List.of(new Value.Field("in depth",
        score.recovered() + " of " + score.words(), String.format(Locale.ROOT,
            "%.0f%% of the words where the telegrams share the page", 100 * score.accuracy())))));
    String body = "With the codebook captured, each difference allows thousands of pairs of"
        + " code groups; the reader keeps those where both are in the book and ranks them by how"
        + " much they read like telegraphese (a model of word pairs trained on Mao's telegram of"
        + " 12 January 1949, on the State of the Union addresses of 1934-1953 and on the"
        + " codebook's own vocabulary, never on this traffic), word"
        + " after word, the best " + 32 + " readings at a time. Three telegrams on one page"
        + " constrain each other far more than two. Where a telegram runs past the shared page"
        + " nothing can be read. The analyst's crib test (shifrovka attack read --crib) is the"
        + " same check by hand.";
    return new Stage(4, VenonaStageId.READ, "The message read", body
        + " Sources: §2.5 steps 4-6; the search and the model are shifrovka's (inferred).",
        List.of(Source.of("§2.5")), true,
        List.of(new Value.Fields("the codebook", List.of(new Value.Field("groups",
            Integer.toString(book.size()), "entries of the captured book")))),
        out, List.of(Highlight.output(out.size() - 1, 0, "how much came back")));
  }

  private static Stage honest(Traffic t, DepthFinding f) {
    String body = "The same traffic, the same clerks, but every sheet printed once and used once,"
        + " as the ledger guarantees: the finder makes the same " + f.tests() + " tests and"
        + " finds " + (f.depths().isEmpty() ? "no depth" : f.depths().size() + " depths")
        + ". A one-time pad used once leaves nothing to subtract: the pad holds.";
    return new Stage(5, VenonaStageId.HONEST_LEDGER, "The honest ledger", body
        + " Sources: §2.1 (SMITHSONIAN, VENONA-RU-BOOK), §2.4.",
        List.of(Source.of("§2.1", "SMITHSONIAN", "VENONA-RU-BOOK"), Source.of("§2.4")), false,
        List.of(new Value.Fields("the traffic", List.of(new Value.Field("intercepts",
            Integer.toString(t.intercepts().size()), "the same links and lengths, no copied"
                + " page")))),
        List.of(new Value.Fields("the search", List.of(new Value.Field("depths found",
            Integer.toString(f.depths().size()), "sets of telegrams on the same key")))),
        List.of(Highlight.output(0, 0, "nothing to read")));
  }

  @Override
  public String toString() {
    return "VenonaWalkthrough[seed " + seed + ", " + finding.depths().size() + " depths]";
  }
}
