package org.shifrovka.cryptanalysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.shifrovka.codebook.Codebook;

/**
 * What {@link DepthReader} read of a depth: for every telegram, the code group it believes stands
 * at each code position (every fourth digit of the cipher text, from the first), or nothing where
 * the telegram was not in depth with another (there the pad holds).
 *
 * @param telegrams one reading per member of the depth, in the depth's order
 * @param unaligned members left out because their code groups do not line up with the others'
 */
public record Reading(List<Telegram> telegrams, List<Integer> unaligned) {
  /** Copies the lists. */
  public Reading {
    telegrams = List.copyOf(telegrams);
    unaligned = List.copyOf(unaligned);
  }

  /**
   * One telegram's reading.
   *
   * @param interceptId the intercept
   * @param offset its offset in the depth, in groups
   * @param codes the group read at each code position, -1 where nothing was read (a copy is kept)
   */
  public record Telegram(int interceptId, int offset, int[] codes) {
    /** Copies the codes. */
    public Telegram {
      codes = codes.clone();
    }

    /** Returns the group read at a code position, or -1. */
    public int code(int position) {
      return position < codes.length ? codes[position] : -1;
    }

    /** Returns the number of code positions read. */
    public int readPositions() {
      int n = 0;
      for (int c : codes) {
        if (c >= 0) {
          n++;
        }
      }
      return n;
    }

    /**
     * Returns the reading as text: the book's entries, {@code <NULL>} and such as their labels,
     * and {@code [n groups unread]} for each run of positions not read.
     */
    public String text(Codebook book) {
      List<String> out = new ArrayList<>();
      int unread = 0;
      for (int c : codes) {
        if (c < 0) {
          unread++;
          continue;
        }
        if (unread > 0) {
          out.add("[" + unread + (unread == 1 ? " code group" : " code groups") + " unread]");
          unread = 0;
        }
        out.add(book.entry(c).orElse("[" + Codebook.format(c) + "?]"));
      }
      if (unread > 0) {
        out.add("[" + unread + (unread == 1 ? " code group" : " code groups") + " unread]");
      }
      return String.join(" ", out);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Telegram t && t.interceptId == interceptId && t.offset == offset
          && Arrays.equals(t.codes, codes);
    }

    @Override
    public int hashCode() {
      return Objects.hash(interceptId, offset, Arrays.hashCode(codes));
    }

    @Override
    public String toString() {
      return "Reading.Telegram[" + interceptId + " at " + offset + ", " + readPositions()
          + " of " + codes.length + " positions read]";
    }
  }

  /** Returns the reading of an intercept, or null. */
  public Telegram of(int interceptId) {
    for (Telegram t : telegrams) {
      if (t.interceptId() == interceptId) {
        return t;
      }
    }
    return null;
  }
}
