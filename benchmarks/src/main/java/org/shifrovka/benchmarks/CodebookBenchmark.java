package org.shifrovka.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.shifrovka.MalformedInputException;
import org.shifrovka.codebook.CodeText;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.codebook.DecodedText;
import org.shifrovka.codebook.Regrouping;
import org.shifrovka.text.Telegraphese;
import org.shifrovka.text.TelegraphText;

/**
 * <b>What it measures:</b> the text stages of the pipeline one by one, on the 1949 message, to
 * locate the cost that {@link MessageBenchmark} measures as a whole:
 *
 * <ul>
 *   <li>{@code normalize}: {@link Telegraphese#normalize}, 5,039 characters to 959 tokens;
 *       {@code normalizeCapitals} takes the message in capitals, where every word is already
 *       canonical (the prototype normaliser that was measured here is now the core's);
 *       {@code normalizeKnownWords} is the normaliser as {@link org.shifrovka.CipherOffice} sets
 *       it up, {@link Telegraphese#withKnownWords} the codebook's {@link Codebook#words()}: a word
 *       the book has is handed out as the book's own string, not a new one;
 *   <li>{@code encode}: {@link Codebook#encode}, 959 tokens to 3,666 code digits (longest-phrase
 *       match, word look-up, spelling), of the text as {@code normalizeKnownWords} gives it (the
 *       pipeline's case: known words are the book's strings, found by identity);
 *   <li>{@code decode}: {@link Codebook#decode(byte[], int, int)}, those digits back to tokens;
 *   <li>{@code lookupWord}: one {@link Codebook#code(String)} of a token of the message (words in
 *       the book, punctuation words, and words the book lacks and encode spells), cycling through
 *       all 959 in message order;
 *   <li>{@code lookupPhrase}: one {@link Codebook#code(String)} of a multi-word entry of the book
 *       ({@code NANJING GOVERNMENT}), cycling through all of them.
 * </ul>
 *
 * <p><b>What could make it lie:</b>
 *
 * <ul>
 *   <li>Dead code: every method returns its result.
 *   <li>Constant folding: the message, text and digits are non-final fields; the look-ups take a
 *       different key on every call, in message order.
 *   <li>String hash caching: the look-up keys and the tokens of {@code encode}'s text are the
 *       same {@code String} objects every time round, so their hash codes are cached after the
 *       first pass. In the pipeline that is also true of the words the book has (the normaliser
 *       hands out the book's own strings), but a word the book lacks is a fresh string hashed once
 *       per message; so {@code encode} here excludes that hashing (a few ns a word, for the few
 *       spelled words).
 *   <li>Caches: the book's maps (10,000 entries) fit in L2; the look-ups in message order have the
 *       locality a real message has.
 * </ul>
 */
public class CodebookBenchmark extends BenchmarkBase {
  Codebook codebook;
  Telegraphese telegraphese;
  Telegraphese knownWords;
  String message;
  String capitals;
  TelegraphText text;
  byte[] digits;
  String[] words;
  String[] phrases;
  int nextWord;
  int nextPhrase;

  @Setup(Level.Trial)
  public void setUp() throws MalformedInputException {
    codebook = Fixtures.SCENARIO.codebook();
    telegraphese = Telegraphese.of(codebook.language());
    message = Fixtures.message();
    capitals = message.toUpperCase(java.util.Locale.ROOT);
    knownWords = telegraphese.withKnownWords(codebook.words());
    text = knownWords.normalize(message, Fixtures.SOURCE);
    if (!text.equals(telegraphese.normalize(message, Fixtures.SOURCE))) {
      throw new IllegalStateException("the normaliser with known words gives another text");
    }
    CodeText code = codebook.encode(text);
    digits = Regrouping.complete(code.digits(0, code.unitCount()), codebook.fillerDigits());
    DecodedText back = codebook.decode(digits, digits.length, 2);
    if (!back.text().equals(text) || !back.problems().isEmpty()) {
      throw new IllegalStateException("the codebook round trip failed: " + back.problems());
    }
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < text.size(); i++) {
      if (!text.token(i).equals(TelegraphText.PARAGRAPH)) {
        tokens.add(text.token(i));
      }
    }
    words = tokens.toArray(new String[0]);
    List<String> multi = new ArrayList<>();
    for (int c = 0; c < Codebook.CAPACITY; c++) {
      codebook.entry(c).filter(e -> e.indexOf(' ') > 0 && !e.startsWith("<"))
          .ifPresent(multi::add);
    }
    phrases = multi.toArray(new String[0]);
    if (phrases.length == 0) {
      throw new IllegalStateException("the codebook has no multi-word phrases");
    }
  }

  @Benchmark
  public TelegraphText normalize() throws MalformedInputException {
    return telegraphese.normalize(message, Fixtures.SOURCE);
  }

  /** {@code normalize} of the message in capitals: every word is already canonical. */
  @Benchmark
  public TelegraphText normalizeCapitals() throws MalformedInputException {
    return telegraphese.normalize(capitals, Fixtures.SOURCE);
  }

  /** {@code normalize} as the cipher office does it: the codebook's words are shared. */
  @Benchmark
  public TelegraphText normalizeKnownWords() throws MalformedInputException {
    return knownWords.normalize(message, Fixtures.SOURCE);
  }

  @Benchmark
  public CodeText encode() {
    return codebook.encode(text);
  }

  @Benchmark
  public DecodedText decode() {
    return codebook.decode(digits, digits.length, 2);
  }

  @Benchmark
  public OptionalInt lookupWord() {
    int i = nextWord++;
    if (nextWord == words.length) {
      nextWord = 0;
    }
    return codebook.code(words[i]);
  }

  @Benchmark
  public OptionalInt lookupPhrase() {
    int i = nextPhrase++;
    if (nextPhrase == phrases.length) {
      nextPhrase = 0;
    }
    return codebook.code(phrases[i]);
  }
}
