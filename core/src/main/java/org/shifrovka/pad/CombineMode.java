package org.shifrovka.pad;

/**
 * How the pad is combined with the code text.
 *
 * <p>Addition is documented for Soviet traffic (Haynes and Klehr; reference 2.1). "False"
 * (non-borrowing) subtraction appears in pad instructions seized in 1962, which were Western-issued
 * (reference 2.1); it is offered as a variant (inferred).
 */
public enum CombineMode {
  /** Cipher = code + pad; code = cipher - pad (the default). */
  ADDITION("add"),
  /** Cipher = code - pad; code = cipher + pad. */
  FALSE_SUBTRACTION("subtract");

  private final String label;

  CombineMode(String label) {
    this.label = label;
  }

  /** Returns the command-line name: {@code add} or {@code subtract}. */
  public String label() {
    return label;
  }

  /** Enciphers one 5-digit group. */
  public int encipher(int code, int pad) {
    return this == ADDITION ? Additive.add(code, pad) : Additive.subtract(code, pad);
  }

  /** Deciphers one 5-digit group. */
  public int decipher(int cipher, int pad) {
    return this == ADDITION ? Additive.subtract(cipher, pad) : Additive.add(cipher, pad);
  }

  /** Enciphers {@code len} digits (one per byte). */
  public void encipher(byte[] code, int codeOff, byte[] pad, int padOff, byte[] out, int outOff,
      int len) {
    if (this == ADDITION) {
      Additive.add(code, codeOff, pad, padOff, out, outOff, len);
    } else {
      Additive.subtract(code, codeOff, pad, padOff, out, outOff, len);
    }
  }

  /** Deciphers {@code len} digits (one per byte); a digit of 10 (unreadable) stays 10. */
  public void decipher(byte[] cipher, int cipherOff, byte[] pad, int padOff, byte[] out, int outOff,
      int len) {
    boolean add = this == FALSE_SUBTRACTION;
    int i = 0;
    for (; i <= len - 8; i += 8) { // fast path: eight readable digits at a time
      if (Additive.anyUnreadable(cipher, cipherOff + i)) {
        decipherSlowly(cipher, cipherOff + i, pad, padOff + i, out, outOff + i, 8, add);
      } else if (add) {
        Additive.add(cipher, cipherOff + i, pad, padOff + i, out, outOff + i, 8);
      } else {
        Additive.subtract(cipher, cipherOff + i, pad, padOff + i, out, outOff + i, 8);
      }
    }
    decipherSlowly(cipher, cipherOff + i, pad, padOff + i, out, outOff + i, len - i, add);
  }

  private static void decipherSlowly(byte[] cipher, int cipherOff, byte[] pad, int padOff,
      byte[] out, int outOff, int len, boolean add) {
    for (int i = 0; i < len; i++) {
      int c = cipher[cipherOff + i];
      if (c > 9) {
        out[outOff + i] = (byte) c;
        continue;
      }
      int s = add ? c + pad[padOff + i] : c - pad[padOff + i];
      out[outOff + i] = (byte) (s >= 10 ? s - 10 : s < 0 ? s + 10 : s);
    }
  }

  /**
   * Returns the mode with this label.
   *
   * @throws IllegalArgumentException if there is none
   */
  public static CombineMode ofLabel(String label) {
    for (CombineMode m : values()) {
      if (m.label.equalsIgnoreCase(label) || m.name().equalsIgnoreCase(label)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown combine mode \"" + label
        + "\" (expected add or subtract)");
  }
}
