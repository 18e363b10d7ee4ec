package org.shifrovka.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.util.Pack;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.shifrovka.CipherOffice;
import org.shifrovka.Decipherment;
import org.shifrovka.Encipherment;
import org.shifrovka.MalformedInputException;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadGenerator;
import org.shifrovka.pad.PadLedger;
import org.shifrovka.pad.PadSecurityException;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.telegram.Radiogram;

/**
 * <b>What it measures:</b> the whole pipeline on the 1949 message (5,039 characters): {@code
 * encode} is {@link CipherOffice#encipher} (telegraphese, codebook, split into three parts,
 * regrouping, pad reservation in the ledger, pad addition, telegram assembly) followed by
 * {@link org.shifrovka.telegram.Telegram#radiogram()} and {@link Radiogram#renderAll}: message in,
 * radiogram text out. {@code decode} is the Moscow office's {@link CipherOffice#decipher} of the
 * three radiograms of a message enciphered beforehand; {@code decodeFromText} parses the radiogram
 * text first ({@link Radiogram#parseAll}), the mirror image of {@code encode}. Beside them, in the
 * same run, Bouncy Castle's AES-256-GCM (lightweight API, {@code GCMBlockCipher.newInstance(
 * AESEngine.newInstance())}, 128-bit tag) encrypts and decrypts the same 5,039 plaintext bytes:
 * the modern reference.
 *
 * <p><b>Pads are consumed, hence the odd shape of {@code encode}.</b> Every encipherment reserves
 * 15 fresh sheets of 60 groups, and the office refuses a used sheet, so {@code encode} cannot run
 * for a fixed time on a fixed pad book. It runs in {@link Mode#SingleShotTime} with a batch of
 * {@value #MESSAGES_PER_LEDGER} messages per iteration (JMH sample 26). Before the first
 * iteration, one seeded pad book of exactly {@code batch} &times; 15 sheets is generated for every
 * iteration, each from its own seed, so no sheet is ever used twice, not even across iterations;
 * before each iteration a new office and a new empty ledger take the next book. Neither is
 * timed. The score is the time of the whole batch; one message takes score / batch. A
 * throughput-mode run with a fresh ledger per iteration would be dishonest here: the amount of
 * work would depend on the speed (a faster pipeline does more messages per iteration and fills its
 * ledger further), and a ledger whose cost grows with its size, as the core's did before e46f3f3,
 * would penalise it for that. A fixed batch makes every run do the same work: an office's first
 * {@value #MESSAGES_PER_LEDGER} messages. The
 * pad-book size limit (100,000 sheets) caps the batch at 6,666 messages; {@code -bs} changes it.
 *
 * <p>The ledger is the library's {@link PadLedger#inMemory}. Until commit e46f3f3 its reservation
 * walked the book from sheet 1, so the time per message grew with the ledger (4&times; slower at
 * 3,000 messages than a constant-time prototype that lived here); since then it uses a bit set with
 * a low-water mark.
 *
 * <p><b>What could make it lie:</b>
 *
 * <ul>
 *   <li>Dead code: every method returns its result (the radiogram text, the decipherment, the
 *       cipher text length and buffer).
 *   <li>Constant folding and caching: the message is read from a non-final field; each encode uses
 *       other pad sheets, so the cipher text differs every time; {@code decode} cycles through
 *       {@value #POOL} different encipherments. Nothing in the library caches results.
 *   <li>Error paths: the setup deciphers every pooled message and checks that it comes back clean
 *       and equal to the canonical text, so {@code decode} never measures a failure report.
 *   <li>The ledger grows within an encode batch, so the per-message figure depends on the batch
 *       size; it is fixed at {@value #MESSAGES_PER_LEDGER} and the README gives the batch.
 *   <li>Warm-up: a batch is only a thousand calls, and the first four batches run at 530-630 ms
 *       (interpreter and C1) against about 70 ms once C2 has compiled the pipeline, which takes
 *       until about the ninth; so {@code encode} warms up for ten batches and measures ten.
 *   <li>AES-GCM: the key schedule and GHASH tables are set up once per trial and each message gets
 *       a fresh 96-bit nonce from a counter (Bouncy Castle refuses a repeated nonce for
 *       encryption); that is how a real session encrypts many messages. Bouncy Castle's AES here is
 *       pure Java (no native or AES-NI path), which is the fair comparison with pure-Java shifrovka
 *       but not the fastest AES the JDK could do.
 * </ul>
 */
public class MessageBenchmark extends BenchmarkBase {
  /** Messages per encode batch, and so per fresh ledger and pad book. */
  static final int MESSAGES_PER_LEDGER = 1000;
  /** Distinct encipherments that {@code decode} cycles through (a power of two). */
  static final int POOL = 16;

  String message = Fixtures.message();

  /** A sender office with a fresh ledger and pad book for every iteration (= every batch). */
  @State(Scope.Thread)
  public static class Sender {
    final int sheetsPerMessage = Fixtures.sheetsPerMessage();
    final ArrayDeque<PadBook> books = new ArrayDeque<>();
    CipherOffice office;

    /**
     * Generates one pad book per iteration, warm-up included, before the first: generating takes
     * about 25 us and 0.4 KB per sheet, and doing it here keeps it out of the {@code -prof gc}
     * figures, which JMH takes around the iteration setup too.
     */
    @Setup(Level.Trial)
    public void generatePads(BenchmarkParams params) {
      long seed = 1;
      for (IterationParams it : List.of(params.getWarmup(), params.getMeasurement())) {
        for (int i = 0; i < it.getCount(); i++) {
          books.add(PadGenerator.seededInsecure(seed++).generate(it.getBatchSize() * sheetsPerMessage,
              Fixtures.GROUPS_PER_SHEET));
        }
      }
    }

    @Setup(Level.Iteration)
    public void newOffice() {
      PadBook pads = books.poll();
      if (pads == null) {
        throw new IllegalStateException("more iterations than pad books");
      }
      office = Fixtures.sender(pads, PadLedger.inMemory(Scenario1949.filingClock()));
    }
  }

  /** Pre-enciphered messages and the receiving office. */
  @State(Scope.Thread)
  public static class Receiver {
    PadBook pads;
    List<List<Radiogram>> radiograms;
    List<String> texts;
    CipherOffice office;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
      pads = PadGenerator.seededInsecure(1949).generate(POOL * Fixtures.sheetsPerMessage(),
          Fixtures.GROUPS_PER_SHEET);
      radiograms = Fixtures.pool(pads, POOL);
      texts = new ArrayList<>();
      for (List<Radiogram> r : radiograms) {
        texts.add(Radiogram.renderAll(r));
      }
    }

    /** A new office each iteration, so that its register (50450, 50470, ...) never overflows. */
    @Setup(Level.Iteration)
    public void newOffice() {
      office = Fixtures.receiver(pads);
    }

    int next() {
      return next++ & (POOL - 1);
    }
  }

  /** AES-256-GCM with a key set up once and a fresh nonce per message. */
  @State(Scope.Thread)
  public static class Aes {
    final GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
    final byte[] nonce = new byte[12];
    byte[] plaintext;
    byte[] out;
    byte[][] nonces = new byte[POOL][];
    byte[][] ciphertexts = new byte[POOL][];
    long counter;
    int next;

    @Setup(Level.Trial)
    public void setUp() throws InvalidCipherTextException {
      byte[] key = new byte[32];
      new SecureRandom().nextBytes(key);
      plaintext = Fixtures.message().getBytes(StandardCharsets.UTF_8);
      out = new byte[plaintext.length + 16];
      gcm.init(true, new AEADParameters(new KeyParameter(key), 128, nonce(counter++)));
      for (int i = 0; i < POOL; i++) {
        nonces[i] = nonce(counter++);
        gcm.init(true, new AEADParameters(null, 128, nonces[i]));
        ciphertexts[i] = new byte[gcm.getOutputSize(plaintext.length)];
        int n = gcm.processBytes(plaintext, 0, plaintext.length, ciphertexts[i], 0);
        gcm.doFinal(ciphertexts[i], n);
      }
    }

    byte[] nonce(long c) {
      Pack.longToBigEndian(c, nonce, 4);
      return nonce.clone();
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 10, batchSize = MESSAGES_PER_LEDGER)
  @Measurement(iterations = 10, batchSize = MESSAGES_PER_LEDGER)
  public String encode(Sender s)
      throws MalformedInputException, PadSecurityException, java.io.IOException {
    Encipherment e = s.office.encipher(message, Fixtures.SOURCE);
    return Radiogram.renderAll(Fixtures.radiograms(e));
  }

  @Benchmark
  public Decipherment decode(Receiver r) {
    return r.office.decipher(r.radiograms.get(r.next()));
  }

  @Benchmark
  public Decipherment decodeFromText(Receiver r) throws MalformedInputException {
    return r.office.decipher(Radiogram.parseAll(r.texts.get(r.next()), "bench"));
  }

  @Benchmark
  public byte[] aesGcmEncrypt(Aes a) throws InvalidCipherTextException {
    Pack.longToBigEndian(a.counter++, a.nonce, 4);
    a.gcm.init(true, new AEADParameters(null, 128, a.nonce));
    int n = a.gcm.processBytes(a.plaintext, 0, a.plaintext.length, a.out, 0);
    a.gcm.doFinal(a.out, n);
    return a.out;
  }

  @Benchmark
  public byte[] aesGcmDecrypt(Aes a) throws InvalidCipherTextException {
    int i = a.next++ & (POOL - 1);
    a.gcm.init(false, new AEADParameters(null, 128, a.nonces[i]));
    byte[] c = a.ciphertexts[i];
    int n = a.gcm.processBytes(c, 0, c.length, a.out, 0);
    a.gcm.doFinal(a.out, n);
    return a.out;
  }
}
