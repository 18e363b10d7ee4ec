package org.shifrovka.benchmarks;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
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
import org.shifrovka.CipherOffice;
import org.shifrovka.Encipherment;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.telegram.Radiogram;
import org.shifrovka.MalformedInputException;
import org.shifrovka.checkerboard.StraddlingCheckerboard;
import org.shifrovka.ctc.TelegraphCode;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadLedger;
import org.shifrovka.pad.PadSecurityException;
import org.shifrovka.telegram.Station;
import org.shifrovka.transposition.DoubleTransposition;
import org.shifrovka.transposition.TransposedCheckerboard;
import org.shifrovka.vic.VicBoard;
import org.shifrovka.vic.VicCipher;
import org.shifrovka.vic.VicEncipherment;

/**
 * <b>What it measures:</b> the encode of each hand system of the period, on the same message: a
 * telegram of Mao to Filippov of about 100 characters, in Chinese for the Chinese telegraph code
 * ({@code ctcEncode}, traditional table) and in English capitals for the straddling checkerboard
 * ({@code checkerboardEncode}, the English board), the double transposition of the
 * checkerboard's digits ({@code doubleTranspositionEncode}, keys ZEBRAS and STRIPE) and the two
 * together ({@code checkerboardDoubleTranspositionEncode}), and VIC on the same English text
 * ({@code vicEncode}: Savard's keys and board, keygroup 77651; the key derivation is part of each
 * message's work, as it was the agent's). Operations per second, one message each; the codebook's
 * encode of the same telegram is {@code CodebookBenchmark}'s.
 *
 * <p>{@code checkerboardPadEncode} is the system {@code checkerboard+pad} whole: the board's
 * digits completed to groups, then the cipher office's pad stage (ledger reservation, indicator,
 * non-carrying addition, end and serial/date groups, the radiogram's text), as {@code encode
 * --system checkerboard+pad} does it. Each message uses up a pad sheet, so it runs like {@code
 * MessageBenchmark.encode}: batches of {@value #PAD_BATCH} messages, each batch on a fresh office
 * and in-memory ledger over a pad book derived on demand ({@link PadBook#derived}: no sheets made
 * before they are used), single shot per batch, milliseconds a batch. {@code ctcPadEncode} is
 * {@code ctc+pad} whole the same way: the Chinese text's telegraph code groups, sent as the 1949
 * codebook's figures by Terebin's office as {@code MessageBenchmark.encode}'s (three parts), as
 * {@code encode --system ctc+pad} does it.
 *
 * <p><b>What could make it lie:</b> every method returns what it made (no dead code); the input is
 * a field, not a constant; the setup checks that every encode round-trips, so no benchmark
 * measures an exception. The texts differ in length by script (a Chinese character is one code,
 * an English word several letters), so compare systems per message, not per character.
 */
public class PeriodSystemsBenchmark extends BenchmarkBase {
  /** Messages per {@code checkerboardPadEncode} batch, and so per fresh office and ledger. */
  static final int PAD_BATCH = 1000;
  /** The message in Chinese (traditional characters; the tables have no punctuation). */
  static final String CHINESE = "斯大林同志你一月十日來電收到我們完全同意你的意見"
      + "但是我們認爲應該這樣答覆南京使戰爭的全部責任歸於國民黨我們的答覆將在一月十四日發表"
      + "請在此以前告訴你的意見北方的軍隊已經準備好進攻天津卽日可以攻下北平已被包圍"
      + "毛澤東一月十三日";
  /** The message in English. */
  static final String ENGLISH = "COMRADE FILIPPOV. YOUR TELEGRAM OF 10 JANUARY RECEIVED. WE AGREE"
      + " WITH YOUR OPINION ON THE TALKS BUT THINK WE MUST ANSWER NANKING SO THAT ALL BLAME FOR THE"
      + " WAR FALLS ON THE KUOMINTANG. OUR ANSWER APPEARS ON 14 JANUARY. MAO TSE TUNG. 13 JANUARY.";

  String chinese;
  String english;
  String digits;
  TelegraphCode ctc;
  StraddlingCheckerboard board;
  DoubleTransposition transposition;
  TransposedCheckerboard hand;
  VicCipher vic;

  @Setup
  public void setUp() throws MalformedInputException {
    chinese = CHINESE;
    english = ENGLISH;
    ctc = TelegraphCode.traditional();
    board = StraddlingCheckerboard.english();
    transposition = DoubleTransposition.ofKeywords("ZEBRAS", "STRIPE");
    hand = new TransposedCheckerboard(board, transposition);
    digits = board.encode(english, "setup");
    vic = VicCipher.builder().phrase("I dream of Jeannie with t").date("741776").personalNumber(8)
        .board(VicBoard.ENGLISH).build();
    String noSpaces = english.replace(" ", "");
    if (!ctc.decode(ctc.encode(chinese, "setup")).equals(chinese.replaceAll("\\s", ""))
        || !board.decode(digits).equals(noSpaces)
        || !transposition.decipher(transposition.encipher(digits)).equals(digits)
        || !hand.decipher(hand.encipher(english, "setup")).equals(noSpaces)
        || !vic.decipher(vic.encipher(english, "77651", "setup").ciphertext()).text()
            .equals(noSpaces)) {
      throw new IllegalStateException("a period system does not round-trip the message");
    }
    CtcOffice ctcCheck = new CtcOffice();
    ctcCheck.newOffice();
    try {
      Encipherment e = ctcCheck.office.encipher(TelegraphCode.formatGroups(ctc.encode(chinese,
          "setup")), "setup");
      String back = Fixtures.receiver(ctcCheck.pads).decipher(Fixtures.radiograms(e)).messages()
          .get(0).text().toString();
      if (!ctc.decodeGroups(back, "setup").equals(chinese.replaceAll("\\s", ""))) {
        throw new IllegalStateException("ctc+pad does not round-trip the message");
      }
    } catch (PadSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
    PadOffice check = new PadOffice();
    check.newOffice();
    try {
      Encipherment.Part p = check.office.encipherDigits(board.completeGroups(digits), "setup");
      if (!board.decodeCompleted(check.office.decipherDigits(p.telegram().radiogram()).digits()
          .orElseThrow()).equals(noSpaces)) {
        throw new IllegalStateException("checkerboard+pad does not round-trip the message");
      }
    } catch (PadSecurityException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Benchmark
  public int[] ctcEncode() throws MalformedInputException {
    return ctc.encode(chinese, "benchmark");
  }

  @Benchmark
  public String checkerboardEncode() throws MalformedInputException {
    return board.encode(english, "benchmark");
  }

  @Benchmark
  public String doubleTranspositionEncode() {
    return transposition.encipher(digits);
  }

  @Benchmark
  public String checkerboardDoubleTranspositionEncode() throws MalformedInputException {
    return hand.encipher(english, "benchmark");
  }

  @Benchmark
  public VicEncipherment vicEncode() throws MalformedInputException {
    return vic.encipher(english, "77651", "benchmark");
  }

  /** An office for checkerboard+pad with a fresh ledger each batch, over a derived pad book. */
  @State(Scope.Thread)
  public static class PadOffice {
    static final Clock CLOCK = Clock.fixed(Instant.parse("1953-06-22T10:00:00Z"), ZoneOffset.UTC);
    final PadBook pads = PadBook.derived(1953, "MAKS", 100_000, 60);
    CipherOffice office;

    @Setup(Level.Iteration)
    public void newOffice() {
      office = CipherOffice.builder().padBook(pads).ledger(PadLedger.inMemory(CLOCK)).clock(CLOCK)
          .from(Station.of("MAKS", "Newark", "America/New_York"))
          .to(Station.of("CENTRE", "Moscow", "Europe/Moscow")).build();
    }
  }

  /** Terebin's office for ctc+pad, with a fresh ledger each batch, over a derived pad book. */
  @State(Scope.Thread)
  public static class CtcOffice {
    final PadBook pads = PadBook.derived(1949, "TEREBIN", 100_000, Fixtures.GROUPS_PER_SHEET);
    CipherOffice office;

    @Setup(Level.Iteration)
    public void newOffice() {
      office = Fixtures.sender(pads, PadLedger.inMemory(Scenario1949.filingClock()));
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 10, batchSize = PAD_BATCH)
  @Measurement(iterations = 10, batchSize = PAD_BATCH)
  public String ctcPadEncode(CtcOffice o)
      throws MalformedInputException, PadSecurityException, IOException {
    Encipherment e = o.office.encipher(TelegraphCode.formatGroups(ctc.encode(chinese,
        "benchmark")), "benchmark");
    return Radiogram.renderAll(Fixtures.radiograms(e));
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 10, batchSize = PAD_BATCH)
  @Measurement(iterations = 10, batchSize = PAD_BATCH)
  public String checkerboardPadEncode(PadOffice o)
      throws MalformedInputException, PadSecurityException, IOException {
    Encipherment.Part p = o.office.encipherDigits(board.completeGroups(
        board.encode(english, "benchmark")), "benchmark");
    return p.telegram().radiogram().render();
  }
}
