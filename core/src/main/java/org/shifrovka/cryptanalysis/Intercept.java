package org.shifrovka.cryptanalysis;

import java.util.List;
import java.util.Objects;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.telegram.Radiogram;

/**
 * One radiogram as an interceptor copied it off the air: the interceptor's own serial number, the
 * link it was heard on (the call signs of the two stations) and the radiogram in its text form.
 *
 * <p>The interceptor knows the system's layout, not its secrets: group 1 is the indicator (sent in
 * clear), the last group is the serial/date group and the one before it the end group, so the
 * cipher text proper is groups 2 to n-2 ({@link #cipherDigits()}).
 *
 * <p>Instances are immutable.
 */
public final class Intercept {
  private final int id;
  private final String link;
  private final Radiogram radiogram;

  private Intercept(int id, String link, Radiogram radiogram) {
    this.id = id;
    this.link = link;
    this.radiogram = radiogram;
  }

  /**
   * Returns an intercept.
   *
   * @param id the interceptor's serial, 1-999999
   * @param link the link heard, one word of letters, digits and {@code -}
   * @param radiogram the radiogram as copied
   * @throws IllegalArgumentException if the id or link is out of form
   */
  public static Intercept of(int id, String link, Radiogram radiogram) {
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(radiogram, "radiogram");
    if (id < 1 || id > 999_999) {
      throw new IllegalArgumentException("an intercept number is 1-999999, got " + id);
    }
    if (!link.matches("[\\p{L}0-9-]{1,20}")) {
      throw new IllegalArgumentException("a link is 1-20 letters, digits and -, got \"" + link
          + "\"");
    }
    return new Intercept(id, link, radiogram);
  }

  /** Returns the interceptor's serial number. */
  public int id() {
    return id;
  }

  /** Returns the link the radiogram was heard on. */
  public String link() {
    return link;
  }

  /** Returns the radiogram as copied. */
  public Radiogram radiogram() {
    return radiogram;
  }

  /** Returns the indicator (group 1), or -1 if it was not read whole or is missing. */
  public int indicator() {
    List<String> g = radiogram.groups();
    if (g.isEmpty() || g.get(0).indexOf('?') >= 0) {
      return -1;
    }
    return Integer.parseInt(g.get(0));
  }

  /** Returns the number of cipher-text groups (groups 2 to n-2; 0 if the radiogram is short). */
  public int cipherGroups() {
    return Math.max(0, radiogram.groups().size() - 3);
  }

  /**
   * Returns the digits of the cipher text proper, one per byte: 0-9, or
   * {@link Codebook#UNREADABLE} for a digit the interceptor could not read.
   */
  public byte[] cipherDigits() {
    int n = cipherGroups();
    byte[] ascii = radiogram.groupBytes();
    byte[] out = new byte[n * 5];
    for (int i = 0; i < out.length; i++) {
      byte c = ascii[5 + i];
      out[i] = c == '?' ? Codebook.UNREADABLE : (byte) (c - '0');
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Intercept other && id == other.id && link.equals(other.link)
        && radiogram.equals(other.radiogram);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, link, radiogram);
  }

  @Override
  public String toString() {
    return "Intercept[" + id + " " + link + " No. " + radiogram.number() + ", "
        + radiogram.groups().size() + " groups]";
  }
}
