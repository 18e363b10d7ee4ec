package org.shifrovka.cryptanalysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.shifrovka.MalformedInputException;
import org.shifrovka.codebook.CodeText;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.codebook.SpecialGroup;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.text.Language;
import org.shifrovka.text.TelegraphText;

/**
 * A language model of telegraphese over a codebook's groups: how likely a code group is after the
 * one before it (a word bigram model, interpolated with unigrams the Witten-Bell way, a little more
 * cautiously for contexts seen only once or twice; the first group of a telegram and a group after
 * an unread stretch are scored by unigrams alone). The reader
 * uses it to tell the right pair of groups beneath a stripped difference from the thousands of
 * pairs that give the same difference.
 *
 * <h2>What it is trained on</h2>
 *
 * Never on the traffic or its generator. {@link #standard(Codebook)} counts the groups of the
 * shipped public text of Mao Zedong's telegram of 12 January 1949 (the Wilson Center translation,
 * see {@link Scenario1949#CITATION}) as the codebook codes it, and adds the codebook vocabulary
 * itself as a prior: every entry of the book a little, the hand-curated domain entries of the
 * built-in vocabulary (names, places, military and diplomatic terms; {@code VOCABULARY-SOURCES.md})
 * and the punctuation words and figures more.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TelegrapheseModel {
  /** The context of the first group of a telegram. */
  public static final int START = Codebook.CAPACITY;

  private static final double PRIOR_ANY = 0.02;
  private static final double PRIOR_DOMAIN = 0.5;
  private static final double PRIOR_STANDARD = 0.5;
  /** Added to a context's follower types: a context seen once or twice is trusted less. */
  private static final double KAPPA = 2;

  private final Codebook book;
  private final List<int[]> training; // coded training texts, kept for withReadings
  private final List<String> favoured;
  private final double[] logUnigram; // log10 P(code)
  private final double[] unigram;
  private final Map<Integer, int[]> followers; // context -> codes seen after it
  private final VoteTable bigramCounts; // context * 16384 + code -> count
  private final int[] contextTotal; // by context
  private final int[] contextTypes;
  private final int[] byUnigram; // codes, most likely first
  private final boolean[] valid;

  private TelegrapheseModel(Codebook book, List<int[]> training, List<String> favoured,
      double[] unigram, Map<Integer, Map<Integer, Integer>> bigrams, boolean[] valid) {
    this.book = book;
    this.training = List.copyOf(training);
    this.favoured = List.copyOf(favoured);
    this.unigram = unigram;
    this.logUnigram = new double[unigram.length];
    for (int i = 0; i < unigram.length; i++) {
      logUnigram[i] = unigram[i] > 0 ? Math.log10(unigram[i]) : Double.NEGATIVE_INFINITY;
    }
    this.valid = valid;
    this.followers = new HashMap<>();
    this.bigramCounts = new VoteTable(1024);
    this.contextTotal = new int[Codebook.CAPACITY + 1];
    this.contextTypes = new int[Codebook.CAPACITY + 1];
    for (Map.Entry<Integer, Map<Integer, Integer>> e : bigrams.entrySet()) {
      Map<Integer, Integer> m = e.getValue();
      int[] codes = new int[m.size()];
      int[] counts = new int[m.size()];
      int k = 0;
      int total = 0;
      for (Map.Entry<Integer, Integer> f : m.entrySet()) {
        codes[k] = f.getKey();
        counts[k] = f.getValue();
        total += f.getValue();
        k++;
      }
      followers.put(e.getKey(), codes);
      for (int i = 0; i < codes.length; i++) {
        for (int j = 0; j < counts[i]; j++) {
          bigramCounts.add((long) e.getKey() * 16384 + codes[i]);
        }
      }
      contextTotal[e.getKey()] = total;
      contextTypes[e.getKey()] = m.size();
    }
    Integer[] order = new Integer[Codebook.CAPACITY];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(unigram[b], unigram[a]));
    int n = 0;
    for (Integer c : order) {
      if (valid[c]) {
        n++;
      }
    }
    this.byUnigram = new int[n];
    int k = 0;
    for (Integer c : order) {
      if (valid[c]) {
        byUnigram[k++] = c;
      }
    }
  }

  /**
   * Returns the standard model for a codebook: trained on the 1949 telegram's public text and the
   * codebook vocabulary (see the class comment).
   */
  public static TelegrapheseModel standard(Codebook book) {
    List<String> corpus = new ArrayList<>();
    corpus.add(Scenario1949.message());
    if (book.language() == Language.ENGLISH) {
      corpus.addAll(Corpus.ADDRESSES);
    }
    return train(book, corpus, domainEntries(book.language()));
  }

  /** The shipped public-domain prose ({@code CORPUS-SOURCES.md}), read once. */
  private static final class Corpus {
    static final String RESOURCE = "/org/shifrovka/cryptanalysis/sotu-1934-1953.txt";
    static final List<String> ADDRESSES = read();

    private static List<String> read() {
      try (InputStream in = TelegrapheseModel.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + RESOURCE);
        }
        List<String> out = new ArrayList<>();
        StringBuilder block = null;
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (line.startsWith("#")) {
            continue;
          }
          if (line.startsWith("@@")) {
            if (block != null) {
              out.add(block.toString());
            }
            block = new StringBuilder();
          } else if (block != null) {
            block.append(line).append('\n');
          }
        }
        if (block != null) {
          out.add(block.toString());
        }
        return List.copyOf(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Trains a model.
   *
   * @param book the codebook whose groups the model is over
   * @param corpus texts of telegraphese or plain prose (normalised and coded with the book; words
   *     the book lacks are counted as its SPELL group)
   * @param favoured entries to give the larger prior (those the book lacks are ignored)
   * @throws IllegalArgumentException if a corpus text cannot be normalised
   */
  public static TelegrapheseModel train(Codebook book, List<String> corpus,
      List<String> favoured) {
    List<int[]> coded = new ArrayList<>(corpus.size());
    for (String text : corpus) {
      coded.add(units(book, text));
    }
    return trainCoded(book, coded, favoured);
  }

  /**
   * Trains a model on texts already coded: sequences of groups, a negative number where a stretch
   * was not read (the next group starts afresh).
   */
  static TelegrapheseModel trainCoded(Codebook book, List<int[]> corpus, List<String> favoured) {
    boolean[] valid = new boolean[Codebook.CAPACITY];
    double[] counts = new double[Codebook.CAPACITY];
    int spell = book.code(SpecialGroup.SPELL);
    for (int c = 0; c < Codebook.CAPACITY; c++) {
      valid[c] = book.entry(c).isPresent() && c != spell && c != book.code(SpecialGroup.PART);
      if (valid[c]) {
        counts[c] = PRIOR_ANY;
      }
    }
    for (String s : favoured) {
      OptionalInt c = book.code(s);
      if (c.isPresent() && valid[c.getAsInt()]) {
        counts[c.getAsInt()] = Math.max(counts[c.getAsInt()], PRIOR_DOMAIN);
      }
    }
    for (Language.Punctuation p : Language.Punctuation.values()) {
      raise(book, counts, valid, book.language().word(p));
    }
    for (int i = 0; i <= 100; i++) {
      raise(book, counts, valid, Integer.toString(i));
    }
    Map<Integer, Map<Integer, Integer>> bigrams = new HashMap<>();
    for (int[] units : corpus) {
      int prev = START;
      for (int u : units) {
        if (u >= 0 && u < Codebook.CAPACITY && valid[u]) {
          counts[u] += 1;
          bigrams.computeIfAbsent(prev, k -> new HashMap<>()).merge(u, 1, Integer::sum);
        }
        prev = u < 0 ? START : u;
      }
    }
    double total = 0;
    for (double c : counts) {
      total += c;
    }
    double[] p = new double[Codebook.CAPACITY];
    for (int c = 0; c < p.length; c++) {
      p[c] = counts[c] / total;
    }
    return new TelegrapheseModel(book, corpus, favoured, p, bigrams, valid);
  }

  /**
   * Returns this model trained further on readings of intercepted traffic: the analyst's own
   * recoveries, as sequences of groups read (negative where nothing was read). The readings are
   * what the attack made of the ciphertext, never the plain text or the generator.
   */
  public TelegrapheseModel withReadings(List<int[]> readings) {
    List<int[]> all = new ArrayList<>(training);
    all.addAll(readings);
    return trainCoded(book, all, favoured);
  }

  private static void raise(Codebook book, double[] counts, boolean[] valid, String entry) {
    OptionalInt c = book.code(entry);
    if (c.isPresent() && valid[c.getAsInt()]) {
      counts[c.getAsInt()] = Math.max(counts[c.getAsInt()], PRIOR_STANDARD);
    }
  }

  /** The code groups of a text as the book codes it (a spelled word counts as SPELL). */
  static int[] units(Codebook book, String text) {
    TelegraphText t;
    try {
      t = book.normaliser().normalize(text, "<corpus>");
    } catch (MalformedInputException e) {
      throw new IllegalArgumentException("corpus text: " + e.getMessage(), e);
    }
    CodeText code = book.encode(t);
    String digits = code.digits();
    int spell = book.code(SpecialGroup.SPELL);
    int endSpell = book.spellTable().endSpell();
    List<Integer> out = new ArrayList<>();
    int p = 0;
    while (p + 4 <= digits.length()) {
      int c = Integer.parseInt(digits.substring(p, p + 4));
      p += 4;
      out.add(c);
      if (c == spell) {
        while (p + 2 <= digits.length()) {
          int sc = Integer.parseInt(digits.substring(p, p + 2));
          p += 2;
          if (sc == endSpell) {
            break;
          }
        }
      }
    }
    int[] a = new int[out.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = out.get(i);
    }
    return a;
  }

  /** The domain section of the built-in vocabulary of a language. */
  static List<String> domainEntries(Language language) {
    String name = "/org/shifrovka/codebook/vocabulary-" + language.code() + ".txt";
    try (InputStream in = TelegrapheseModel.class.getResourceAsStream(name)) {
      if (in == null) {
        return List.of();
      }
      List<String> out = new ArrayList<>();
      boolean domain = false;
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("# ====")) {
          domain = line.contains("DOMAIN");
          continue;
        }
        if (domain && !line.isBlank() && !line.startsWith("#")) {
          out.add(line.strip());
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns whether a group may stand in a read telegram (in the book; not SPELL or PART). */
  public boolean readable(int code) {
    return code >= 0 && code < Codebook.CAPACITY && valid[code];
  }

  /**
   * Returns {@code log10 P(code | previous)}; {@code previous} is a group or {@link #START}.
   * Negative infinity for a group that cannot be read.
   */
  public double logProbability(int previous, int code) {
    if (!readable(code)) {
      return Double.NEGATIVE_INFINITY;
    }
    int ctx = previous < 0 || previous > START ? START : previous;
    int total = contextTotal[ctx];
    if (total == 0 || ctx == START) { // one training text has one start: no start statistics
      return logUnigram[code];
    }
    int types = contextTypes[ctx];
    double lambda = (double) total / (total + types + KAPPA);
    int seen = bigramCounts.get((long) ctx * 16384 + code);
    return Math.log10(lambda * seen / total + (1 - lambda) * unigram[code]);
  }

  /** Returns the groups seen after {@code previous} in training (possibly none). */
  int[] followersOf(int previous) {
    int[] f = followers.get(previous < 0 || previous > START ? START : previous);
    return f == null ? new int[0] : f;
  }

  /** Returns the {@code n} most likely groups regardless of context. */
  int[] mostLikely(int n) {
    return Arrays.copyOf(byUnigram, Math.min(n, byUnigram.length));
  }

  @Override
  public String toString() {
    return "TelegrapheseModel[" + byUnigram.length + " groups, " + followers.size()
        + " contexts]";
  }
}
