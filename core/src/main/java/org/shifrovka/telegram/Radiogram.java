package org.shifrovka.telegram;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.shifrovka.MalformedInputException;

/**
 * A telegram as the radio operator keys it: a clear transport header and the cipher groups.
 *
 * <p>The text form is, after the header grammar of later Soviet manuals (reference 3.4; applying it
 * to 1949 is inferred):
 *
 * <pre>
 * 15 63 13 1110 СРОЧНАЯ =
 * 37584 41652 93176 49706 58737 02218 77104 55310 68249 90412
 * 11873 ...
 * </pre>
 *
 * <p>The header gives the radiogram number (shifrovka uses the sender's serial), the number of
 * groups that follow, the day of the month and the filing time in Moscow time, and the precedence.
 * Groups follow ten to a row. A group that the receiving operator could not read is written with
 * {@code ?} for each unreadable digit ({@code 4?652}). Several radiograms in one text are separated
 * by an empty line.
 *
 * <p>The declared count is kept apart from the groups actually present, so that a radiogram
 * received short still renders and parses faithfully; {@link #complete()} compares the two.
 *
 * <p>Instances are immutable; {@code parse(render(r))} equals {@code r}.
 */
public final class Radiogram {
  private final int number;
  private final int declaredGroups;
  private final int day;
  private final LocalTime time;
  private final Precedence precedence;
  private final List<String> groups;

  private Radiogram(int number, int declaredGroups, int day, LocalTime time, Precedence precedence,
      List<String> groups) {
    this.number = number;
    this.declaredGroups = declaredGroups;
    this.day = day;
    this.time = time;
    this.precedence = precedence;
    this.groups = groups;
  }

  /**
   * Returns a radiogram.
   *
   * @param number the radiogram number, 0-99999
   * @param declaredGroups the group count of the header, 0-9999
   * @param day the day of the month, 1-31
   * @param time the filing time (Moscow), whole minutes
   * @param precedence the precedence
   * @param groups the groups, each five characters of {@code 0-9} or {@code ?}
   * @throws IllegalArgumentException if any of these is out of range
   */
  public static Radiogram of(int number, int declaredGroups, int day, LocalTime time,
      Precedence precedence, List<String> groups) {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(precedence, "precedence");
    if (number < 0 || number > 99_999) {
      throw new IllegalArgumentException("radiogram number must be 0-99999, got " + number);
    }
    if (declaredGroups < 0 || declaredGroups > 9_999) {
      throw new IllegalArgumentException("group count must be 0-9999, got " + declaredGroups);
    }
    if (day < 1 || day > 31) {
      throw new IllegalArgumentException("day must be 1-31, got " + day);
    }
    if (time.getSecond() != 0 || time.getNano() != 0) {
      throw new IllegalArgumentException("filing time is in whole minutes, got " + time);
    }
    List<String> copy = List.copyOf(groups);
    for (String g : copy) {
      if (!isGroup(g)) {
        throw new IllegalArgumentException("not a 5-character group of digits and '?': \"" + g
            + "\"");
      }
    }
    return new Radiogram(number, declaredGroups, day, time, precedence, copy);
  }

  static boolean isGroup(String g) {
    if (g.length() != 5) {
      return false;
    }
    for (int i = 0; i < 5; i++) {
      char c = g.charAt(i);
      if ((c < '0' || c > '9') && c != '?') {
        return false;
      }
    }
    return true;
  }

  /** Returns the radiogram number. */
  public int number() {
    return number;
  }

  /** Returns the group count the header declares. */
  public int declaredGroups() {
    return declaredGroups;
  }

  /** Returns the day of the month of filing (Moscow time). */
  public int day() {
    return day;
  }

  /** Returns the filing time (Moscow time). */
  public LocalTime time() {
    return time;
  }

  /** Returns the precedence. */
  public Precedence precedence() {
    return precedence;
  }

  /** Returns the groups as received, {@code ?} marking unreadable digits. */
  public List<String> groups() {
    return groups;
  }

  /** Returns true if the groups present match the declared count and none has an unreadable digit. */
  public boolean complete() {
    return groups.size() == declaredGroups && suspectGroups().isEmpty();
  }

  /** Returns the 1-based numbers of the groups with unreadable digits. */
  public List<Integer> suspectGroups() {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      if (groups.get(i).indexOf('?') >= 0) {
        out.add(i + 1);
      }
    }
    return out;
  }

  /** Returns a copy with other groups (the header keeps its declared count). */
  public Radiogram withGroups(List<String> newGroups) {
    return of(number, declaredGroups, day, time, precedence, newGroups);
  }

  /** Returns the header line, for example {@code 15 63 13 1110 СРОЧНАЯ =}. */
  public String header() {
    return number + " " + declaredGroups + " " + day + " "
        + String.format(java.util.Locale.ROOT, "%02d%02d", time.getHour(), time.getMinute()) + " "
        + precedence.headerWord() + " =";
  }

  /** Renders the radiogram: the header line, then the groups ten to a row; ends with a line feed. */
  public String render() {
    StringBuilder sb = new StringBuilder(32 + groups.size() * 6);
    sb.append(header()).append('\n');
    for (int i = 0; i < groups.size(); i++) {
      sb.append(groups.get(i));
      sb.append(i % 10 == 9 || i == groups.size() - 1 ? '\n' : ' ');
    }
    return sb.toString();
  }

  /** Renders several radiograms separated by empty lines. */
  public static String renderAll(List<Radiogram> radiograms) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < radiograms.size(); i++) {
      if (i > 0) {
        sb.append('\n');
      }
      sb.append(radiograms.get(i).render());
    }
    return sb.toString();
  }

  /**
   * Parses exactly one radiogram.
   *
   * @throws MalformedInputException naming line and column of the first problem
   */
  public static Radiogram parse(String text, String source) throws MalformedInputException {
    List<Radiogram> all = parseAll(text, source);
    if (all.size() != 1) {
      throw new MalformedInputException(source, 0, 0, "expected one radiogram, found "
          + all.size());
    }
    return all.get(0);
  }

  /**
   * Parses any number of radiograms separated by empty lines.
   *
   * @throws MalformedInputException naming line and column of the first problem
   */
  public static List<Radiogram> parseAll(String text, String source)
      throws MalformedInputException {
    String[] lines = text.split("\r?\n", -1);
    List<Radiogram> out = new ArrayList<>();
    int i = 0;
    while (i < lines.length) {
      if (lines[i].isEmpty()) {
        i++;
        continue;
      }
      int headerLine = i + 1;
      String h = lines[i];
      String[] f = h.split(" ", -1);
      if (f.length != 6 || !f[5].equals("=")) {
        throw new MalformedInputException(source, headerLine, 1,
            "expected a header \"<nr> <groups> <day> <hhmm> <precedence> =\", found \"" + h + "\"");
      }
      int col = 1;
      int nr = number(f[0], 5, source, headerLine, col, "radiogram number");
      col += f[0].length() + 1;
      int count = number(f[1], 4, source, headerLine, col, "group count");
      col += f[1].length() + 1;
      int day = number(f[2], 2, source, headerLine, col, "day");
      if (day < 1 || day > 31) {
        throw new MalformedInputException(source, headerLine, col, "day must be 1-31, found "
            + f[2]);
      }
      col += f[2].length() + 1;
      if (f[3].length() != 4) {
        throw new MalformedInputException(source, headerLine, col,
            "expected the filing time as hhmm, found \"" + f[3] + "\"");
      }
      int hhmm = number(f[3], 4, source, headerLine, col, "filing time");
      if (hhmm / 100 > 23 || hhmm % 100 > 59) {
        throw new MalformedInputException(source, headerLine, col, "no such time " + f[3]);
      }
      col += f[3].length() + 1;
      Precedence p = Precedence.ofHeaderWord(f[4]);
      if (p == null) {
        throw new MalformedInputException(source, headerLine, col, "unknown precedence \"" + f[4]
            + "\" (expected ОБЫКНОВЕННАЯ, СРОЧНАЯ, ВНЕОЧЕРЕДНАЯ or МОЛНИЯ)");
      }
      i++;
      List<String> groups = new ArrayList<>();
      while (i < lines.length && !lines[i].isEmpty()) {
        String line = lines[i];
        int ln = i + 1;
        String[] gs = line.split(" ", -1);
        if (gs.length > 10) {
          throw new MalformedInputException(source, ln, 60, "more than ten groups in a row");
        }
        int c = 1;
        for (String g : gs) {
          if (!isGroup(g)) {
            throw new MalformedInputException(source, ln, c,
                "expected a 5-digit group (digits or ?), found \"" + g + "\"");
          }
          groups.add(g);
          c += 6;
        }
        i++;
      }
      out.add(new Radiogram(nr, count, day, LocalTime.of(hhmm / 100, hhmm % 100), p,
          Collections.unmodifiableList(groups)));
    }
    return out;
  }

  private static int number(String s, int maxDigits, String source, int line, int col, String what)
      throws MalformedInputException {
    if (s.isEmpty() || s.length() > maxDigits || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new MalformedInputException(source, line, col, "expected the " + what + " (1-"
          + maxDigits + " digits), found \"" + s + "\"");
    }
    return Integer.parseInt(s);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Radiogram)) {
      return false;
    }
    Radiogram r = (Radiogram) o;
    return number == r.number && declaredGroups == r.declaredGroups && day == r.day
        && time.equals(r.time) && precedence == r.precedence && groups.equals(r.groups);
  }

  @Override
  public int hashCode() {
    return Objects.hash(number, declaredGroups, day, time, precedence, groups);
  }

  @Override
  public String toString() {
    return "Radiogram[" + header() + " " + groups.size() + " groups]";
  }
}
