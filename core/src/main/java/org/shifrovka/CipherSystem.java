package org.shifrovka;

import java.util.Locale;

/**
 * The systems shifrovka composes from its stages, each with the label the command line
 * ({@code --system}) and the walkthrough use: the 1949 office's codebook under the pad, the
 * Chinese telegraph code under the pad, the straddling checkerboard under the pad, the agent's
 * hand system of a checkerboard and a double transposition, and VIC.
 */
public enum CipherSystem {
  /** Telegraphese, the codebook, regrouping, the one-time pad: the 1949 office. */
  CODEBOOK_PAD("codebook+pad"),
  /** Chinese text in the Chinese telegraph code, its groups sent through the codebook and pad. */
  CTC_PAD("ctc+pad"),
  /** The straddling checkerboard's digits straight under the one-time pad; no codebook. */
  CHECKERBOARD_PAD("checkerboard+pad"),
  /** The straddling checkerboard and two columnar transpositions; no codebook, no pad. */
  CHECKERBOARD_DOUBLE_TRANSPOSITION("checkerboard+double-transposition"),
  /**
   * The VIC cipher: keys derived from a phrase, a date, a personal number and a keygroup, the
   * checkerboard, a columnar and a disrupted transposition; no codebook, no pad.
   */
  VIC("vic");

  private final String label;

  CipherSystem(String label) {
    this.label = label;
  }

  /**
   * Returns the label, for example {@code checkerboard+pad}.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * Returns true if the system needs a pad (and its ledger to encipher).
   *
   * @return whether a pad is used
   */
  public boolean usesPad() {
    return this != CHECKERBOARD_DOUBLE_TRANSPOSITION && this != VIC;
  }

  /**
   * Returns true if the system needs a codebook.
   *
   * @return whether a codebook is used
   */
  public boolean usesCodebook() {
    return this == CODEBOOK_PAD || this == CTC_PAD;
  }

  /**
   * Returns the system with a label (any case).
   *
   * @param label for example {@code ctc+pad}
   * @return the system
   * @throws IllegalArgumentException if no system has that label; the message lists them
   */
  public static CipherSystem of(String label) {
    for (CipherSystem s : values()) {
      if (s.label.equals(label.strip().toLowerCase(Locale.ROOT))) {
        return s;
      }
    }
    StringBuilder all = new StringBuilder();
    for (CipherSystem s : values()) {
      all.append(all.length() == 0 ? "" : ", ").append(s.label);
    }
    throw new IllegalArgumentException("unknown system \"" + label + "\" (expected " + all + ")");
  }

  @Override
  public String toString() {
    return label;
  }
}
