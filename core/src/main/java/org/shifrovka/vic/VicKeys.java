package org.shifrovka.vic;

import java.util.Arrays;
import java.util.Objects;
import org.shifrovka.transposition.ColumnarTransposition;

/**
 * The key derivation of the VIC cipher, line by line as Kahn lettered it: from the message
 * keygroup (A), the first five digits of the date (B), the first 20 letters of the key phrase (D)
 * and the agent's personal number, the lines C to S, ending in the widths and keys of the two
 * transpositions (Q and R) and the column digits of the checkerboard (S).
 *
 * <p>The operations: digit-wise subtraction and addition mod 10 without carry; chain addition
 * (each new digit is the sum mod 10 of the digit it follows and the next one); sequentializing
 * (numbering items 1-9 then 0 in alphabetical or numeric order, equal items left to right, 0
 * ranking last). Letters sort by their code point (for Cyrillic the alphabet's order; Ё should
 * be written Е). Every line is a secret: {@link #toString()} shows none.
 */
public final class VicKeys {
  /**
   * The largest personal number: the two widths, each the personal number plus a digit, must fit
   * the 50 digits of K to P.
   */
  public static final int MAX_PERSONAL_NUMBER = 16;

  private final int[] a;
  private final int[] b;
  private final int[] c;
  private final String d;
  private final int[] e;
  private final int[] f;
  private final int[] g;
  private final int[] h;
  private final int[] j;
  private final int[] block; // K to P, 50 digits
  private final int firstWidth;
  private final int secondWidth;
  private final int[] q;
  private final int[] r;
  private final int[] s;

  private VicKeys(String keygroup, String date, String phrase, int personalNumber) {
    a = digits(keygroup, 5, "keygroup");
    b = Arrays.copyOf(digits(date, date.length(), "date"), 5);
    if (date.length() < 5) {
      throw new IllegalArgumentException("the date needs at least five digits");
    }
    if (phrase.length() < 20) {
      throw new IllegalArgumentException("the key phrase needs 20 letters, has " + phrase.length());
    }
    if (personalNumber < 1 || personalNumber > MAX_PERSONAL_NUMBER) {
      throw new IllegalArgumentException("the personal number is 1-" + MAX_PERSONAL_NUMBER + ": "
          + personalNumber);
    }
    c = new int[5];
    for (int i = 0; i < 5; i++) {
      c[i] = Math.floorMod(a[i] - b[i], 10);
    }
    d = phrase.substring(0, 20);
    e = new int[20];
    System.arraycopy(sequentialize(d.substring(0, 10)), 0, e, 0, 10);
    System.arraycopy(sequentialize(d.substring(10, 20)), 0, e, 10, 10);
    f = chain(c, 10);
    g = new int[10];
    h = new int[10];
    for (int i = 0; i < 10; i++) {
      g[i] = (f[i] + e[i]) % 10;
    }
    for (int i = 0; i < 10; i++) {
      // 1234567890 over the second half of E: digit k stands over position k-1 (0 over the last)
      h[i] = e[10 + (g[i] == 0 ? 9 : g[i] - 1)];
    }
    j = sequentialize(h);
    int[] run = chain(h, 60);
    block = Arrays.copyOfRange(run, 10, 60);
    // the last two unequal digits of P: the last digit, and the nearest different one before it
    int last = block[49];
    int before = -1;
    for (int i = 48; i >= 40; i--) {
      if (block[i] != last) {
        before = block[i];
        break;
      }
    }
    if (before < 0) {
      throw new IllegalArgumentException("line P has ten equal digits; choose another keygroup");
    }
    firstWidth = personalNumber + before;
    secondWidth = personalNumber + last;
    // K to P read column by column, the columns taken in the order of J
    int[] read = new int[50];
    int at = 0;
    for (int rank = 1; rank <= 10; rank++) {
      int col = indexOf(j, rank % 10);
      for (int row = 0; row < 5; row++) {
        read[at++] = block[row * 10 + col];
      }
    }
    q = Arrays.copyOfRange(read, 0, firstWidth);
    r = Arrays.copyOfRange(read, firstWidth, firstWidth + secondWidth);
    s = sequentialize(Arrays.copyOfRange(block, 40, 50));
  }

  /**
   * Derives the keys.
   *
   * @param phrase the key phrase, at least 20 letters (spaces and signs left out)
   * @param date the date as digits (day, month, year: 3 September 1945 is 391945)
   * @param personalNumber the agent's personal number, 1-16
   * @param keygroup the message's five-digit keygroup
   */
  public static VicKeys derive(String phrase, String date, int personalNumber, String keygroup) {
    Objects.requireNonNull(phrase, "phrase");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(keygroup, "keygroup");
    return new VicKeys(keygroup, date, letters(phrase), personalNumber);
  }

  /** Returns the letters of a phrase, upper-cased, Ё as Е (spaces and other signs left out). */
  static String letters(String phrase) {
    StringBuilder sb = new StringBuilder(phrase.length());
    phrase.codePoints().filter(Character::isLetter).map(Character::toUpperCase)
        .map(c -> c == 'Ё' ? 'Е' : c).forEach(sb::appendCodePoint);
    return sb.toString();
  }

  private static int[] digits(String s, int n, String what) {
    if (s.length() != n || !s.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
      throw new IllegalArgumentException("the " + what + " must be " + n + " digits: \"" + s
          + "\"");
    }
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = s.charAt(i) - '0';
    }
    return out;
  }

  /** Chain addition: extends the digits to {@code length}. */
  public static int[] chain(int[] seed, int length) {
    int[] out = Arrays.copyOf(seed, length);
    for (int i = seed.length; i < length; i++) {
      int k = i - seed.length;
      out[i] = (out[k] + out[k + 1]) % 10;
    }
    return out;
  }

  /**
   * Sequentializes letters: 1-9 then 0 in alphabetical order, equal letters left to right (the
   * column numbers of a columnar transposition keyed by them, mod 10).
   */
  public static int[] sequentialize(String letters) {
    return mod10(ColumnarTransposition.ofKeyword(letters).columnNumbers());
  }

  /** Sequentializes digits: 1-9 then 0, 0 counting as ten, equal digits left to right. */
  public static int[] sequentialize(int[] digits) {
    StringBuilder sb = new StringBuilder(digits.length);
    for (int d : digits) {
      sb.append((char) ('0' + d));
    }
    return mod10(ColumnarTransposition.ofDigits(sb.toString()).columnNumbers());
  }

  private static int[] mod10(int[] numbers) {
    for (int i = 0; i < numbers.length; i++) {
      numbers[i] %= 10;
    }
    return numbers;
  }

  private static int indexOf(int[] a, int v) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] == v) {
        return i;
      }
    }
    throw new IllegalStateException("no " + v + " in line J");
  }

  /** Returns line A, the keygroup. */
  public int[] lineA() {
    return a.clone();
  }

  /** Returns line B, the first five digits of the date. */
  public int[] lineB() {
    return b.clone();
  }

  /** Returns line C, A minus B. */
  public int[] lineC() {
    return c.clone();
  }

  /** Returns line D, the first 20 letters of the phrase. */
  public String lineD() {
    return d;
  }

  /** Returns line E, the two halves of D sequentialized (20 digits). */
  public int[] lineE() {
    return e.clone();
  }

  /** Returns line F, C chain-extended to ten digits. */
  public int[] lineF() {
    return f.clone();
  }

  /** Returns line G, F plus the first half of E. */
  public int[] lineG() {
    return g.clone();
  }

  /** Returns line H, G read through 1234567890 over the second half of E. */
  public int[] lineH() {
    return h.clone();
  }

  /** Returns line J, H sequentialized. */
  public int[] lineJ() {
    return j.clone();
  }

  /** Returns one of the lines K, L, M, N, P (row 0 to 4): 50 digits of chain addition from H. */
  public int[] lineKtoP(int row) {
    return Arrays.copyOfRange(block, row * 10, row * 10 + 10);
  }

  /** Returns the width of the first transposition. */
  public int firstWidth() {
    return firstWidth;
  }

  /** Returns the width of the second (disrupted) transposition. */
  public int secondWidth() {
    return secondWidth;
  }

  /** Returns line Q, the key of the first transposition. */
  public int[] lineQ() {
    return q.clone();
  }

  /** Returns line R, the key of the second transposition. */
  public int[] lineR() {
    return r.clone();
  }

  /** Returns line S, P sequentialized: the column digits of the checkerboard. */
  public int[] lineS() {
    return s.clone();
  }

  @Override
  public String toString() {
    return "VicKeys[widths " + firstWidth + ", " + secondWidth + "]";
  }
}
