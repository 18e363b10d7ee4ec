package org.shifrovka.pad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdditiveTest {

  @Test
  void add_isNonCarrying_eightPlusSixIsFour() {
    assertThat(Additive.add(8, 6)).isEqualTo(4);
    assertThat(Additive.add(88888, 66666)).isEqualTo(44444);
  }

  /** Reference section 2.2: text groups plus pad groups 2..5 of the sheet whose indicator is 37584. */
  @ParameterizedTest
  @CsvSource({"80453, 61209, 41652", "26822, 77354, 93176", "40498, 09318, 49706",
      "33277, 25560, 58737"})
  void add_matchesTheReferenceWorkedExample(String codeGroup, String padGroup, String cipherGroup) {
    int code = Integer.parseInt(codeGroup);
    int pad = Integer.parseInt(padGroup);
    int cipher = Integer.parseInt(cipherGroup);
    assertThat(Additive.add(code, pad)).isEqualTo(cipher);
    assertThat(Additive.subtract(cipher, pad)).isEqualTo(code);
  }

  /** Reference section 2.5: the depth example, C1 - C2 = P1 - P2. */
  @Test
  void subtract_removesTheKeyFromTwoMessagesInDepth() {
    int k = 58203;
    int p1 = 10340;
    int p2 = 22913;
    int c1 = Additive.add(p1, k);
    int c2 = Additive.add(p2, k);
    assertThat(c1).isEqualTo(68543);
    assertThat(c2).isEqualTo(70116);
    assertThat(Additive.subtract(c1, c2)).isEqualTo(Additive.subtract(p1, p2)).isEqualTo(98437);
  }

  @Test
  void add_rejectsValuesThatAreNotFiveDigitGroups() {
    assertThatThrownBy(() -> Additive.add(100_000, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("100000");
    assertThatThrownBy(() -> Additive.subtract(1, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void subtract_undoesAdd(@ForAll @IntRange(max = 99_999) int code,
      @ForAll @IntRange(max = 99_999) int pad) {
    assertThat(Additive.subtract(Additive.add(code, pad), pad)).isEqualTo(code);
    for (CombineMode m : CombineMode.values()) {
      assertThat(m.decipher(m.encipher(code, pad), pad)).isEqualTo(code);
    }
  }

  @Property
  void byteArrays_agreeWithGroupArithmetic(@ForAll @IntRange(max = 99_999) int a,
      @ForAll @IntRange(max = 99_999) int b) {
    byte[] x = digits(a);
    byte[] y = digits(b);
    byte[] out = new byte[5];
    Additive.add(x, 0, y, 0, out, 0, 5);
    assertThat(out).isEqualTo(digits(Additive.add(a, b)));
    Additive.subtract(x, 0, y, 0, out, 0, 5);
    assertThat(out).isEqualTo(digits(Additive.subtract(a, b)));
  }

  @Property
  void longArrays_matchDigitByDigitArithmetic(@ForAll("digitArrays") byte[] a,
      @ForAll @IntRange(max = 7) int offset) {
    int len = a.length - offset;
    byte[] b = new byte[a.length];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) ((a[i] * 7 + i) % 10);
    }
    byte[] sum = new byte[len];
    byte[] diff = new byte[len];
    Additive.add(a, offset, b, offset, sum, 0, len);
    Additive.subtract(a, offset, b, offset, diff, 0, len);
    for (int i = 0; i < len; i++) {
      assertThat(sum[i]).isEqualTo((byte) ((a[offset + i] + b[offset + i]) % 10));
      assertThat(diff[i]).isEqualTo((byte) ((a[offset + i] - b[offset + i] + 10) % 10));
    }
  }

  @Property
  void decipher_keepsUnreadableDigitsWhereverTheyAre(@ForAll("digitArrays") byte[] pad,
      @ForAll @IntRange(max = 1000) int unreadableAt) {
    for (CombineMode mode : CombineMode.values()) {
      byte[] code = new byte[pad.length];
      for (int i = 0; i < code.length; i++) {
        code[i] = (byte) ((i * 3) % 10);
      }
      byte[] cipher = new byte[pad.length];
      mode.encipher(code, 0, pad, 0, cipher, 0, pad.length);
      int bad = unreadableAt % pad.length;
      cipher[bad] = 10;
      byte[] back = new byte[pad.length];
      mode.decipher(cipher, 0, pad, 0, back, 0, pad.length);
      for (int i = 0; i < back.length; i++) {
        assertThat(back[i]).isEqualTo(i == bad ? (byte) 10 : code[i]);
      }
    }
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<byte[]> digitArrays() {
    return net.jqwik.api.Arbitraries.bytes().between((byte) 0, (byte) 9).array(byte[].class)
        .ofMinSize(8).ofMaxSize(300);
  }

  @Test
  void falseSubtraction_deciphersUnreadableDigitsAsUnreadable() {
    byte[] cipher = {1, 10, 3, 4, 5};
    byte[] pad = {9, 9, 9, 9, 9};
    byte[] out = new byte[5];
    CombineMode.ADDITION.decipher(cipher, 0, pad, 0, out, 0, 5);
    assertThat(out).containsExactly(2, 10, 4, 5, 6);
    CombineMode.FALSE_SUBTRACTION.decipher(cipher, 0, pad, 0, out, 0, 5);
    assertThat(out).containsExactly(0, 10, 2, 3, 4);
  }

  static byte[] digits(int g) {
    byte[] d = new byte[5];
    for (int k = 4; k >= 0; k--) {
      d[k] = (byte) (g % 10);
      g /= 10;
    }
    return d;
  }
}
