package org.shifrovka.cryptanalysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import org.shifrovka.MalformedInputException;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.text.TelegraphText;

/**
 * The hand method of reading a depth: guess a phrase (a crib) in one telegram, put its code groups
 * at each code position in turn, and see what the stripped difference makes of the other
 * telegrams there ({@code p2 = crib - d}). Where every group that comes out is in the book, the
 * guess may be right; the most telegraphese-like readings first.
 *
 * <p>Members whose code groups do not line up with the crib's telegram (offsets in digits unequal
 * mod 4) are not read. Instances are immutable.
 *
 * @param crib the crib as telegraphese
 * @param cribCodes its code groups
 * @param hits every position where all the other telegrams read as groups of the book, best first
 */
public record CribDrag(String crib, int[] cribCodes, List<Hit> hits) {

  /**
   * One place of the crib.
   *
   * @param interceptId the telegram the crib was put in
   * @param position the code position (from 0) where it starts
   * @param others what each other telegram reads there, by intercept number
   * @param score the model's log10-probability of those readings
   */
  public record Hit(int interceptId, int position, Map<Integer, String> others, double score) {
    /** Copies the map. */
    public Hit {
      others = Map.copyOf(others);
    }
  }

  /** Copies the arrays. */
  public CribDrag {
    cribCodes = cribCodes.clone();
    hits = List.copyOf(hits);
  }

  /**
   * Drags a crib through every member of a depth.
   *
   * @param book the codebook
   * @param model scores the readings
   * @param intercepts the intercepts holding the members
   * @param members the depth
   * @param crib the guessed words, as typed
   * @throws MalformedInputException if the crib cannot be written in telegraphese
   * @throws IllegalArgumentException if the crib needs a spelled word (only groups of the book
   *     line up with code positions) or a member is not among the intercepts
   */
  public static CribDrag drag(Codebook book, TelegrapheseModel model, List<Intercept> intercepts,
      List<DepthMember> members, String crib) throws MalformedInputException {
    TelegraphText text = book.normaliser().normalize(crib, "<crib>");
    int[] codes = TelegrapheseModel.units(book, text.toString());
    for (int c : codes) {
      if (!model.readable(c)) {
        throw new IllegalArgumentException("the crib \"" + text + "\" needs a spelled word or"
            + " a special group; use words of the book");
      }
    }
    Map<Integer, byte[]> streams = new HashMap<>();
    for (Intercept i : intercepts) {
      streams.put(i.id(), i.cipherDigits());
    }
    List<Hit> hits = new ArrayList<>();
    for (DepthMember x : members) {
      byte[] cx = streams.get(x.interceptId());
      if (cx == null) {
        throw new IllegalArgumentException("intercept " + x.interceptId() + " is not in the file");
      }
      for (int k = 0; 4 * (k + codes.length) <= cx.length; k++) {
        Map<Integer, String> others = new HashMap<>();
        double score = 0;
        boolean ok = true;
        int seen = 0;
        for (DepthMember y : members) {
          if (y == x || Math.floorMod(5 * (y.offset() - x.offset()), 4) != 0) {
            continue;
          }
          byte[] cy = streams.get(y.interceptId());
          int j = 4 * k + 5 * (x.offset() - y.offset()); // y's digit at the crib's first digit
          if (j < 0 || j + 4 * codes.length > cy.length) {
            continue; // y is not on this key here
          }
          StringBuilder read = new StringBuilder();
          int prev = TelegrapheseModel.START;
          for (int g = 0; g < codes.length && ok; g++) {
            int d = difference(cx, 4 * (k + g), cy, j + 4 * g);
            if (d < 0) {
              ok = false;
              break;
            }
            int other = DepthReader.subtract(codes[g], d);
            double lp = model.logProbability(prev, other);
            if (lp == Double.NEGATIVE_INFINITY) {
              ok = false;
              break;
            }
            score += lp;
            prev = other;
            read.append(read.length() == 0 ? "" : " ").append(book.entry(other).orElse("?"));
          }
          if (!ok) {
            break;
          }
          others.put(y.interceptId(), read.toString());
          seen++;
        }
        if (ok && seen > 0) {
          hits.add(new Hit(x.interceptId(), k, others, score));
        }
      }
    }
    hits.sort(Comparator.comparingDouble(Hit::score).reversed());
    return new CribDrag(text.toString(), codes, hits);
  }

  /** The stripped difference x - y of the 4 digits at {@code i} and {@code j}; -1 if unread. */
  private static int difference(byte[] x, int i, byte[] y, int j) {
    int v = 0;
    for (int k = 0; k < 4; k++) {
      int a = x[i + k];
      int b = y[j + k];
      if (a == Codebook.UNREADABLE || b == Codebook.UNREADABLE) {
        return -1;
      }
      v = v * 10 + (a - b + 10) % 10;
    }
    return v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CribDrag c && c.crib.equals(crib)
        && Arrays.equals(c.cribCodes, cribCodes) && c.hits.equals(hits);
  }

  @Override
  public int hashCode() {
    return crib.hashCode() * 31 + hits.hashCode();
  }

  @Override
  public String toString() {
    return "CribDrag[\"" + crib + "\", " + hits.size() + " places]";
  }
}
