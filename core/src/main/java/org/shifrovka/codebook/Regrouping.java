package org.shifrovka.codebook;

import java.util.ArrayList;
import java.util.List;

/**
 * Re-cuts the code stream into the 5-digit groups that are enciphered and sent: "shifts one digit
 * to the first group from the second, two digits to the second group from the third, and so on"
 * (period-telegraphy reference section 2.1).
 *
 * <p>The last group is completed with filler digits. Blum's example completes it with the last code
 * group ({@code 8522 7349 0763 6729} gives {@code 85227 34907 63672 96729}); that is what
 * {@link #regroup(List)} does. In a whole message a repeated code group at the end would be
 * ambiguous, so the telegram pipeline completes the last group with the leading digits of the
 * codebook's {@code <NULL>} group instead, which reads as nothing (inferred).
 */
public final class Regrouping {
  private Regrouping() {}

  /**
   * Regroups 4-digit code groups Blum's way: concatenates them, cuts into fives and completes the
   * last group with the leading digits of the last code group.
   *
   * @throws IllegalArgumentException if a group is not exactly four digits
   */
  public static List<String> regroup(List<String> codeGroups) {
    StringBuilder stream = new StringBuilder(codeGroups.size() * 4);
    for (String g : codeGroups) {
      if (g.length() != 4 || !g.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw new IllegalArgumentException("not a 4-digit code group: \"" + g + "\"");
      }
      stream.append(g);
    }
    String filler = codeGroups.isEmpty() ? "0000" : codeGroups.get(codeGroups.size() - 1);
    return regroup(stream, filler);
  }

  /**
   * Cuts a digit stream into 5-digit groups and completes the last one with the leading digits of
   * {@code filler}.
   *
   * @param digits the code stream
   * @param filler at least four digits to complete the last group from
   */
  public static List<String> regroup(CharSequence digits, String filler) {
    if (filler.length() < 4) {
      throw new IllegalArgumentException("filler must have at least 4 digits");
    }
    List<String> out = new ArrayList<>(digits.length() / 5 + 1);
    StringBuilder g = new StringBuilder(5);
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException("not a digit: '" + c + "' at " + i);
      }
      g.append(c);
      if (g.length() == 5) {
        out.add(g.toString());
        g.setLength(0);
      }
    }
    if (g.length() > 0) {
      g.append(filler, 0, 5 - g.length());
      out.add(g.toString());
    }
    return out;
  }

  /** Returns the number of filler digits that complete a stream of {@code length} digits. */
  public static int fillerLength(int length) {
    return (5 - length % 5) % 5;
  }

  /**
   * Returns {@code digits} (one per byte) completed to a multiple of five with the leading digits
   * of {@code filler}.
   */
  public static byte[] complete(byte[] digits, byte[] filler) {
    return complete(new byte[0], digits, filler);
  }

  /**
   * Returns {@code preamble} followed by {@code digits} (one per byte), completed to a multiple of
   * five with the leading digits of {@code filler}: one array, as a part of a long message is
   * enciphered.
   */
  public static byte[] complete(byte[] preamble, byte[] digits, byte[] filler) {
    int len = preamble.length + digits.length;
    int fill = fillerLength(len);
    byte[] out = new byte[len + fill];
    System.arraycopy(preamble, 0, out, 0, preamble.length);
    System.arraycopy(digits, 0, out, preamble.length, digits.length);
    System.arraycopy(filler, 0, out, len, fill);
    return out;
  }
}
