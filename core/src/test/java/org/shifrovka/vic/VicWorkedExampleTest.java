package org.shifrovka.vic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shifrovka.transposition.DisruptedTransposition;

/**
 * The English worked example of the VIC cipher (date 741776, keygroup 77651, phrase "I dream of
 * Jeannie with t", personal number 8), every line of it. The example is not Kahn's: it is John J.
 * G. Savard's, "The VIC Cipher", http://www.quadibloc.com/crypto/pp1324.htm, which adapts Kahn's
 * description to English. Every expected value below is a line of that page, read in the copy of
 * its text saved in github.com/Jyffe/VICCipher, file {@code VICCipher/test/jyffe/viccipher/The VIC
 * Cipher} (the page's own digit rows; Savard's columns are digits run together there, which does
 * not change them).
 *
 * <p>Savard's checkerboard leaves the full stops of his message out (its digits have none), so
 * the message here has none; his one null digit, 9, is R on his board, so the message ends in R.
 */
class VicWorkedExampleTest {
  private static final VicCipher VIC = VicCipher.builder().phrase("I dream of Jeannie with t")
      .date("741776").personalNumber(8).board(VicBoard.ENGLISH).build();

  private static final String MESSAGE = "We are pleased to hear of your success in establishing"
      + " your false identity You will be sent some money to cover expenses within a month";

  /** Savard: "Converting this to numbers, we proceed" (the three rows of digits). */
  private static final String CHECKERBOARD =
      "834194810741640025044195058858096800202466734621010776047303"
      + "88580905107647004327288885808370707014643265094095348825025"
      + "854948481436468372047310953204";

  /** Savard: "the intermediate form of the message" (after the first transposition). */
  private static final String FIRST =
      "092002745346860181384805777868831596370253911018309880750797004794027027992906280860"
      + "654204048324030833654811448180352434864084447840054705621546580540";

  /** Savard: "the fully encrypted message can be read out" (after the second transposition). */
  private static final String SECOND =
      "361780542899592535070144000113420047468458426750484250310084691817728483603475035007"
      + "668483882424283890960350713758689914050008042900873786014472544860";

  /** Savard: "the message in the form in which it will be transmitted". */
  private static final String SENT = "36178 05428 99592 53507 01440 00113 42004 74684 58426 75048\n"
      + "42503 10084 69181 77284 83603 47503 50076 68483 88242 42838\n"
      + "90960 35071 37586 89914 05000 77651 80429 00873 78601 44725\n"
      + "44860\n";

  private static String line(int[] digits) {
    return VicCipher.digits(digits);
  }

  @Test
  void theKeys() {
    VicKeys k = VIC.keys("77651");
    assertThat(line(k.lineC())).isEqualTo("03584"); // 77651 - 74177
    assertThat(line(k.lineE())).isEqualTo("6203189574" + "1674205839");
    assertThat(line(k.lineF())).isEqualTo("0358438327");
    assertThat(line(k.lineG())).isEqualTo("6551517891");
    assertThat(line(k.lineH())).isEqualTo("0221215831");
    assertThat(line(k.lineKtoP(0))).isEqualTo("2433363143");
    assertThat(line(k.lineKtoP(1))).isEqualTo("6766994579");
    assertThat(line(k.lineKtoP(2))).isEqualTo("3325839262");
    assertThat(line(k.lineKtoP(3))).isEqualTo("6573121888");
    assertThat(line(k.lineKtoP(4))).isEqualTo("1204339669");
    assertThat(line(k.lineS())).isEqualTo("1205348679"); // the checkerboard's column digits
    assertThat(k.firstWidth()).isEqualTo(14); // 8 + 6
    assertThat(k.secondWidth()).isEqualTo(17); // 8 + 9
    // "36534 69323 39289 47352 36270 39813 4": the first 14 digits, then the other 17
    assertThat(line(k.lineQ())).isEqualTo("36534693233928");
    assertThat(line(k.lineR())).isEqualTo("94735236270398134");
  }

  @Test
  void theBoard() throws Exception {
    VicEncipherment e = VIC.encipher(MESSAGE + "R", "77651", "example");
    assertThat(e.board().render()).isEqualTo(""
        + "    1 2 0 5 3 4 8 6 7 9\n"
        + "    A T   O N E   S I R\n"
        + " 0  B C D F G H J K L M\n"
        + " 8  P Q U V W X Y Z . /\n");
  }

  @Test
  void everyLineOfTheEncipherment() throws Exception {
    VicEncipherment e = VIC.encipher(MESSAGE + "R", "77651", "example");

    assertThat(e.checkerboardDigits()).isEqualTo(CHECKERBOARD + "9"); // 149 digits and the null
    assertThat(e.firstTransposition()).isEqualTo(FIRST);
    assertThat(e.secondTransposition()).isEqualTo(SECOND);
    assertThat(e.ciphertext()).isEqualTo(SENT);
    assertThat(e.keygroup()).isEqualTo("77651");
    assertThat(e.groups()).hasSize(31);
    assertThat(e.indicatorIndex()).isEqualTo(25); // "the sixth group from the end"
  }

  /** Savard's second table, "then with them filled in as well", row by row. */
  @Test
  void theDisruptedTable() {
    String table = DisruptedTransposition.ofDigits("94735236270398134").table(FIRST);
    List<String> rows = List.of("09200274534686308", "01813848057778633", "88315963702539116",
        "01830988075079700", "47940548114481803", "27027952434864084", "92906284478400547",
        "08606542056215465", "04048324080540");
    assertThat(table).isEqualTo(String.join("", rows));
    VicEncipherment e = encipherment();
    assertThat(e.disruptedTable()).isEqualTo(table);
    boolean[] disrupted = e.disruptedCells();
    // "first avoiding the triangular areas": row 1 has 14 cells outside, row 4 none inside
    assertThat(disrupted[13]).isFalse();
    assertThat(disrupted[14]).isTrue();
    assertThat(disrupted[3 * 17 + 16]).isFalse();
    assertThat(disrupted[4 * 17 + 5]).isTrue();
  }

  private static VicEncipherment encipherment() {
    try {
      return VIC.encipher(MESSAGE + "R", "77651", "example");
    } catch (org.shifrovka.MalformedInputException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void decipheringGivesTheMessageBack() {
    VicDecipherment d = VIC.decipher(SENT);

    assertThat(d.keygroup()).isEqualTo("77651");
    assertThat(d.secondTransposition()).isEqualTo(SECOND);
    assertThat(d.firstTransposition()).isEqualTo(FIRST);
    assertThat(d.checkerboardDigits()).isEqualTo(CHECKERBOARD + "9");
    assertThat(d.text()).isEqualTo(MESSAGE.toUpperCase(java.util.Locale.ROOT)
        .replace(" ", "") + "R");
  }
}
