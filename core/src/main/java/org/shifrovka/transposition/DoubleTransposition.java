package org.shifrovka.transposition;

import java.util.Objects;

/**
 * Double columnar transposition: the first key's transposition, then the second's on its output.
 * Deciphering undoes them in the reverse order. Immutable.
 */
public final class DoubleTransposition {
  private final ColumnarTransposition first;
  private final ColumnarTransposition second;

  /** Returns the double transposition of two keys, applied first then second. */
  public DoubleTransposition(ColumnarTransposition first, ColumnarTransposition second) {
    this.first = Objects.requireNonNull(first, "first");
    this.second = Objects.requireNonNull(second, "second");
  }

  /** Returns the double transposition keyed by two words. */
  public static DoubleTransposition ofKeywords(String first, String second) {
    return new DoubleTransposition(ColumnarTransposition.ofKeyword(first),
        ColumnarTransposition.ofKeyword(second));
  }

  /** Returns the first transposition. */
  public ColumnarTransposition first() {
    return first;
  }

  /** Returns the second transposition. */
  public ColumnarTransposition second() {
    return second;
  }

  /** Transposes by the first key, then by the second. */
  public String encipher(CharSequence text) {
    return second.encipher(first.encipher(text));
  }

  /** Undoes {@link #encipher}. */
  public String decipher(CharSequence text) {
    return first.decipher(second.decipher(text));
  }

  @Override
  public String toString() {
    return "DoubleTransposition[widths " + first.width() + ", " + second.width() + "]";
  }
}
