package org.shifrovka.codebook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.shifrovka.text.TelegraphText;

/**
 * A message turned into code: a stream of digits made of 4-digit code groups and, inside spelled
 * words, 2-digit letter codes.
 *
 * <p>The stream remembers which tokens each code unit came from, so that a long message can be
 * split between units into parts ({@link #digits(int, int)}) and so that a teacher can show which
 * word became which group ({@link #units()}).
 *
 * <p>Instances are immutable.
 */
public final class CodeText {
  private final Codebook codebook;
  private final TelegraphText text;
  // the arrays are the coder's working arrays, not trimmed (a copy each was a tenth of the
  // allocation of an encipherment): only the first length digits and units + 1 entries count
  private final byte[] digits;
  private final int length;
  private final int[] unitToken; // token where unit u starts; unitToken[units] = text size
  private final int[] unitDigit; // digit where unit u starts; unitDigit[units] = length
  private final int units;

  CodeText(Codebook codebook, TelegraphText text, byte[] digits, int length, int[] unitToken,
      int[] unitDigit, int units) {
    this.codebook = codebook;
    this.text = text;
    this.digits = digits;
    this.length = length;
    this.unitToken = unitToken;
    this.unitDigit = unitDigit;
    this.units = units;
  }

  /** Returns the text that was coded. */
  public TelegraphText text() {
    return text;
  }

  /** Returns the number of code units (words, phrases, spelled words, paragraph marks). */
  public int unitCount() {
    return units;
  }

  /** Returns the number of digits in the stream. */
  public int length() {
    return length;
  }

  /** Returns the digit stream as a string of {@code 0}-{@code 9}. */
  public String digits() {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      sb.append((char) ('0' + digits[i]));
    }
    return sb.toString();
  }

  /** Returns the first token of unit {@code u}; {@code u == unitCount()} gives the text size. */
  public int unitStartToken(int u) {
    return unitToken[Objects.checkIndex(u, units + 1)];
  }

  /** Returns the first digit of unit {@code u}; {@code u == unitCount()} gives the length. */
  public int unitStartDigit(int u) {
    return unitDigit[Objects.checkIndex(u, units + 1)];
  }

  /** Returns a copy of the digits of units {@code from} (inclusive) to {@code to} (exclusive). */
  public byte[] digits(int fromUnit, int toUnit) {
    return Arrays.copyOfRange(digits, unitStartDigit(fromUnit), unitStartDigit(toUnit));
  }

  /** Returns each unit as the words it carries and its code as a clerk would write it. */
  public List<Unit> units() {
    List<Unit> out = new ArrayList<>(unitCount());
    for (int u = 0; u < unitCount(); u++) {
      StringBuilder plain = new StringBuilder();
      for (int t = unitToken[u]; t < unitToken[u + 1]; t++) {
        String tok = text.token(t);
        if (plain.length() > 0) {
          plain.append(' ');
        }
        plain.append(tok.equals(TelegraphText.PARAGRAPH) ? "¶" : tok);
      }
      out.add(new Unit(plain.toString(),
          codebook.formatCode(digits, unitDigit[u], unitDigit[u + 1])));
    }
    return out;
  }

  /**
   * One code unit: the words it carries and its code, 4-digit groups and 2-digit spell codes
   * separated by spaces (for example {@code 3911 41 08 61 97}).
   *
   * @param words the words, with {@code ¶} for a paragraph break
   * @param code the code as written by the clerk
   */
  public record Unit(String words, String code) {}

  @Override
  public String toString() {
    return "CodeText[" + unitCount() + " units, " + length + " digits]";
  }
}
