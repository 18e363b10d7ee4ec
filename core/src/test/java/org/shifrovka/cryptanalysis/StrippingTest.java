package org.shifrovka.cryptanalysis;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.pad.Additive;

class StrippingTest {

  @ParameterizedTest(name = "{0} - {1} = {2}")
  @CsvSource({
    // known answers: digit by digit mod 10, no borrow
    "37584, 41652, 96932",
    "00000, 99999, 11111",
    "12345, 12345, 00000",
    "90210, 09876, 91444",
    "5?123, 11111, 4?012",
  })
  void differenceIsDigitWiseModTen(String a, String b, String d) {
    assertThat(Stripping.format(Stripping.difference(Stripping.digits(a), Stripping.digits(b)), 5))
        .isEqualTo(d);
  }

  @Test
  void theKeyCancels() {
    // code streams p1, p2 and one key k: (p1 + k) - (p2 + k) = p1 - p2
    byte[] p1 = Stripping.digits("4821 0937 5560 1212 3");
    byte[] p2 = Stripping.digits("0937 4821 7788 1212 3");
    byte[] k = Stripping.digits("37584 41652 93176 49");
    byte[] c1 = new byte[p1.length];
    byte[] c2 = new byte[p2.length];
    Additive.add(p1, 0, k, 0, c1, 0, p1.length);
    Additive.add(p2, 0, k, 0, c2, 0, p2.length);
    byte[] d = Stripping.difference(c1, c2);
    assertThat(Stripping.format(d, 4)).isEqualTo("4994 6116 8882 0000 0");
    assertThat(Stripping.otherStream(d, p1)).isEqualTo(p2);
    assertThat(Stripping.sum(d, p2)).isEqualTo(p1);
  }

  /** A true depth: two code streams enciphered with one key, as the office adds the pad. */
  record Depth(byte[] p1, byte[] p2, byte[] key) {}

  @Provide
  Arbitrary<Depth> depths() {
    return Arbitraries.integers().between(1, 400).flatMap(n -> Combinators.combine(
        digits(n), digits(n), digits(n)).as(Depth::new));
  }

  private static Arbitrary<byte[]> digits(int n) {
    return Arbitraries.bytes().between((byte) 0, (byte) 9).array(byte[].class).ofSize(n);
  }

  @Property
  void strippingATrueDepthWithTheTrueStreamsGivesBackBothStreamsExactly(
      @ForAll("depths") Depth depth) {
    int n = depth.p1().length;
    byte[] c1 = new byte[n];
    byte[] c2 = new byte[n];
    Additive.add(depth.p1(), 0, depth.key(), 0, c1, 0, n);
    Additive.add(depth.p2(), 0, depth.key(), 0, c2, 0, n);
    byte[] d = Stripping.difference(c1, c2);
    assertThat(d).isEqualTo(Stripping.difference(depth.p1(), depth.p2())); // no key left
    assertThat(Stripping.otherStream(d, depth.p1())).isEqualTo(depth.p2());
    assertThat(Stripping.sum(d, depth.p2())).isEqualTo(depth.p1());
  }

  @Test
  void aGeneratedDuplicatePageDepthStripsToTheDifferenceOfTheCodeStreams() {
    Traffic t = TrafficGenerator.builder().messages(80).seed(8).reuseRate(0)
        .duplicatePageRate(0.3).build().generate();
    TrafficAnswers.TrueDepth d = t.answers().depths().stream()
        .filter(x -> x.kind() == TrafficAnswers.Fault.DUPLICATE_PAGE).findFirst().orElseThrow();
    int a = d.members().get(0).interceptId();
    int b = d.members().get(1).interceptId();
    assertThat(t.intercepts().get(a - 1).indicator())
        .isNotEqualTo(t.intercepts().get(b - 1).indicator());
    byte[] ca = t.intercepts().get(a - 1).cipherDigits();
    byte[] cb = t.intercepts().get(b - 1).cipherDigits();
    byte[] pa = code(t, a);
    byte[] pb = code(t, b);
    int n = Math.min(pa.length, pb.length);
    byte[] stripped = Stripping.difference(ca, 0, cb, 0, n);
    assertThat(stripped).isEqualTo(Stripping.difference(pa, 0, pb, 0, n));
    assertThat(Stripping.otherStream(stripped, java.util.Arrays.copyOf(pa, n)))
        .isEqualTo(java.util.Arrays.copyOf(pb, n));
  }

  /** The code digits of a telegram's text, filler included, from the answers. */
  private static byte[] code(Traffic t, int id) {
    int[] codes = ReadingScore.trueCodes(t.codebook(), t.answers().sentAs(id).text());
    byte[] out = new byte[t.intercepts().get(id - 1).cipherDigits().length];
    byte[] filler = t.codebook().fillerDigits();
    for (int i = 0; i < out.length; i++) {
      int k = i / 4;
      out[i] = k < codes.length ? (byte) (Codebook.format(codes[k]).charAt(i % 4) - '0')
          : filler[(i - 4 * codes.length) % filler.length];
    }
    return out;
  }
}
