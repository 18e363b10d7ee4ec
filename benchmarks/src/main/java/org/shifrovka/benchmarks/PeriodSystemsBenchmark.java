package org.shifrovka.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.shifrovka.MalformedInputException;
import org.shifrovka.checkerboard.StraddlingCheckerboard;
import org.shifrovka.ctc.TelegraphCode;
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
 * <p><b>What could make it lie:</b> every method returns what it made (no dead code); the input is
 * a field, not a constant; the setup checks that every encode round-trips, so no benchmark
 * measures an exception. The texts differ in length by script (a Chinese character is one code,
 * an English word several letters), so compare systems per message, not per character.
 */
public class PeriodSystemsBenchmark extends BenchmarkBase {
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
}
