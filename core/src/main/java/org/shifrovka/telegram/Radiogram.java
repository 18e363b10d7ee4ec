package org.shifrovka.telegram;

import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
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
    checkHeader(number, declaredGroups, day, time, precedence);
    List<String> copy = List.copyOf(groups);
    for (String g : copy) {
      if (!isGroup(g)) {
        throw new IllegalArgumentException("not a 5-character group of digits and '?': \"" + g
            + "\"");
      }
    }
    return new Radiogram(number, declaredGroups, day, time, precedence, copy);
  }

  /**
   * Returns a radiogram whose groups come as bytes, as over a wire: five ASCII bytes a group, each
   * {@code 0-9} or {@code ?}. The bytes are copied and kept as bytes: {@link #groupBytes()} needs
   * no strings, and {@link #groups()} makes each group's string when it is read. Equal to the
   * radiogram {@link #of(int, int, int, LocalTime, Precedence, List)} makes of the same groups.
   *
   * @throws IllegalArgumentException if a header field is out of range, the length is not a
   *     multiple of five or a byte is not a digit or {@code ?}
   */
  public static Radiogram of(int number, int declaredGroups, int day, LocalTime time,
      Precedence precedence, byte[] groups) {
    checkHeader(number, declaredGroups, day, time, precedence);
    return new Radiogram(number, declaredGroups, day, time, precedence, asciiGroups(groups));
  }

  /**
   * Returns groups held as ASCII bytes (a copy of {@code ascii}), for {@link #of(int, int, int,
   * LocalTime, Precedence, byte[])} and {@link Telegram.Builder#groups(byte[])}.
   *
   * @throws IllegalArgumentException if the length is not a multiple of five or a byte is not a
   *     digit or {@code ?}
   */
  static List<String> asciiGroups(byte[] ascii) {
    byte[] copy = ascii.clone();
    if (copy.length % GROUP != 0) {
      throw new IllegalArgumentException("group bytes come five to a group, got " + copy.length);
    }
    for (int i = 0; i < copy.length; i++) {
      byte b = copy[i];
      if ((b < '0' || b > '9') && b != '?') {
        int at = i - i % GROUP;
        throw new IllegalArgumentException("not a 5-character group of digits and '?': \""
            + new String(copy, at, GROUP, StandardCharsets.ISO_8859_1) + "\"");
      }
    }
    return new AsciiGroups(copy);
  }

  /** Returns whether {@code groups} came from {@link #asciiGroups} (immutable, checked). */
  static boolean isAscii(List<String> groups) {
    return groups instanceof AsciiGroups;
  }

  private static final int GROUP = 5;

  private static void checkHeader(int number, int declaredGroups, int day, LocalTime time,
      Precedence precedence) {
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
  }

  /**
   * Groups held as bytes: read as strings on demand (a new string each time), so that a receiver
   * that deciphers from {@link #groupBytes()}, or a transmitter that keys them, makes none.
   */
  private static final class AsciiGroups extends AbstractList<String> implements RandomAccess {
    final byte[] ascii;

    AsciiGroups(byte[] ascii) {
      this.ascii = ascii;
    }

    @Override
    public String get(int index) {
      Objects.checkIndex(index, size());
      return new String(ascii, index * GROUP, GROUP, StandardCharsets.ISO_8859_1);
    }

    @Override
    public int size() {
      return ascii.length / GROUP;
    }
  }

  /** For {@link Telegram}: its groups are already checked and immutable, so they are not copied. */
  static Radiogram trusted(int number, int declaredGroups, int day, LocalTime time,
      Precedence precedence, List<String> checkedGroups) {
    return new Radiogram(number, declaredGroups, day, time, precedence, checkedGroups);
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

  /**
   * Returns the groups as ASCII bytes, five a group in order, {@code ?} marking unreadable digits
   * (a new array): what a transmitter keys or a receiver deciphers.
   */
  public byte[] groupBytes() {
    if (groups instanceof AsciiGroups) {
      return ((AsciiGroups) groups).ascii.clone();
    }
    int n = groups.size();
    byte[] out = new byte[n * GROUP];
    for (int i = 0; i < n; i++) {
      String g = groups.get(i);
      for (int k = 0; k < GROUP; k++) {
        out[i * GROUP + k] = (byte) g.charAt(k);
      }
    }
    return out;
  }

  /** Returns true if the groups present match the declared count and none has an unreadable digit. */
  public boolean complete() {
    return groups.size() == declaredGroups && suspectGroups().isEmpty();
  }

  /** Returns the 1-based numbers of the groups with unreadable digits. */
  public List<Integer> suspectGroups() {
    List<Integer> out = new ArrayList<>();
    if (groups instanceof AsciiGroups) {
      byte[] a = ((AsciiGroups) groups).ascii;
      for (int i = 0; i < a.length; i++) {
        if (a[i] == '?') {
          out.add(i / GROUP + 1);
          i += GROUP - 1 - i % GROUP; // on to the next group
        }
      }
      return out;
    }
    for (int i = 0; i < groups.size(); i++) {
      if (groups.get(i).indexOf('?') >= 0) {
        out.add(i + 1);
      }
    }
    return out;
  }

  /**
   * Returns true if the last group reads as this radiogram's serial/date group {@code sssdd}: the
   * number modulo 1000 and a day of the month. The sender writes his local day and the header
   * carries the Moscow day, so without knowing the sender's time zone the day may be the header's
   * or the one before or after (across midnight, or across the end of a month). False if the
   * group has unreadable digits or there is no group.
   */
  public boolean serialDateGroupFits() {
    if (groups.isEmpty()) {
      return false;
    }
    String g = groups.get(groups.size() - 1);
    if (g.indexOf('?') >= 0 || Integer.parseInt(g.substring(0, 3)) != number % 1000) {
      return false;
    }
    int d = Integer.parseInt(g.substring(3));
    return d == day || d == day % 31 + 1 || d == (day + 29) % 31 + 1 // the next or previous day
        || (d == 1 && day >= 28) || (day == 1 && d >= 28); // across the end of any month
  }

  /** Returns a copy with other groups (the header keeps its declared count). */
  public Radiogram withGroups(List<String> newGroups) {
    return of(number, declaredGroups, day, time, precedence, newGroups);
  }

  /** Returns the header line, for example {@code 15 63 13 1110 СРОЧНАЯ =}. */
  public String header() {
    StringBuilder sb = new StringBuilder(32);
    appendHeader(sb);
    return sb.toString();
  }

  private void appendHeader(StringBuilder sb) {
    int hhmm = time.getHour() * 100 + time.getMinute();
    sb.append(number).append(' ').append(declaredGroups).append(' ').append(day).append(' ')
        .append((char) ('0' + hhmm / 1000)).append((char) ('0' + hhmm / 100 % 10))
        .append((char) ('0' + hhmm / 10 % 10)).append((char) ('0' + hhmm % 10)).append(' ')
        .append(precedence.headerWord()).append(" =");
  }

  /** Returns the length of the rendering with this header: every group is 5 characters. */
  private int renderedLength(String header) {
    return header.length() + 1 + groups.size() * 6;
  }

  /**
   * Writes the rendering into {@code buf} from {@code at}; returns the end. Into a {@code char[]}
   * rather than a {@code StringBuilder}: the Cyrillic precedence word makes the text UTF-16, and a
   * builder would start in Latin-1, widen at the header and copy again at the end.
   */
  private int renderTo(char[] buf, int at, String header) {
    header.getChars(0, header.length(), buf, at);
    at += header.length();
    buf[at++] = '\n';
    int n = groups.size();
    byte[] ascii = groups instanceof AsciiGroups ? ((AsciiGroups) groups).ascii : null;
    for (int i = 0; i < n; i++) {
      if (ascii != null) {
        for (int k = 0; k < GROUP; k++) {
          buf[at + k] = (char) ascii[i * GROUP + k];
        }
      } else {
        groups.get(i).getChars(0, 5, buf, at);
      }
      at += 5;
      buf[at++] = i % 10 == 9 || i == n - 1 ? '\n' : ' ';
    }
    return at;
  }

  /** Renders the radiogram: the header line, then the groups ten to a row; ends with a line feed. */
  public String render() {
    String header = header();
    char[] buf = new char[renderedLength(header)];
    renderTo(buf, 0, header);
    return new String(buf);
  }

  /** Renders several radiograms separated by empty lines. */
  public static String renderAll(List<Radiogram> radiograms) {
    int k = radiograms.size();
    String[] headers = new String[k];
    int size = Math.max(0, k - 1);
    for (int i = 0; i < k; i++) {
      headers[i] = radiograms.get(i).header();
      size += radiograms.get(i).renderedLength(headers[i]);
    }
    char[] buf = new char[size];
    int at = 0;
    for (int i = 0; i < k; i++) {
      if (i > 0) {
        buf[at++] = '\n';
      }
      at = radiograms.get(i).renderTo(buf, at, headers[i]);
    }
    return new String(buf);
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
   * Parses any number of radiograms, one after another: separated by empty lines (as
   * {@link #renderAll} writes them) or not (as {@code cat} of several files gives them); a header
   * line, which ends with {@code =}, starts the next radiogram.
   *
   * @throws MalformedInputException naming line and column of the first problem
   */
  public static List<Radiogram> parseAll(String text, String source)
      throws MalformedInputException {
    List<Radiogram> out = new ArrayList<>();
    int n = text.length();
    int pos = 0;
    int lineNo = 0;
    while (pos < n) {
      int end = lineEnd(text, pos);
      lineNo++;
      if (end == pos) {
        pos = next(text, end);
        continue;
      }
      int headerLine = lineNo;
      String h = text.substring(pos, end);
      pos = next(text, end);
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
      List<String> groups = new ArrayList<>(Math.min(count, 10_000));
      while (pos < n) {
        end = lineEnd(text, pos);
        if (end == pos || text.charAt(end - 1) == '=') {
          break; // an empty line ends the radiogram, and so does the next one's header
        }
        lineNo++;
        readGroupLine(text, pos, end, groups, source, lineNo);
        pos = next(text, end);
      }
      out.add(new Radiogram(nr, count, day, LocalTime.of(hhmm / 100, hhmm % 100), p,
          Collections.unmodifiableList(groups)));
    }
    return out;
  }

  /** Returns the index of the line break (or the end) of the line starting at {@code pos}. */
  private static int lineEnd(String text, int pos) {
    int nl = text.indexOf('\n', pos);
    int end = nl < 0 ? text.length() : nl;
    return end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end;
  }

  /** Returns the start of the line after the one ending at {@code end}. */
  private static int next(String text, int end) {
    if (end < text.length() && text.charAt(end) == '\r') {
      end++;
    }
    return end < text.length() ? end + 1 : end;
  }

  /** Reads "ddddd ddddd ..." (at most ten groups) from text[from, to) in one pass. */
  private static void readGroupLine(String text, int from, int to, List<String> groups,
      String source, int lineNo) throws MalformedInputException {
    int p = from;
    int inLine = 0;
    while (true) {
      if (inLine == 10) {
        throw new MalformedInputException(source, lineNo, p - from + 1,
            "more than ten groups in a row");
      }
      boolean ok = p + 5 <= to && (p + 5 == to || text.charAt(p + 5) == ' ');
      for (int k = 0; ok && k < 5; k++) {
        char c = text.charAt(p + k);
        ok = (c >= '0' && c <= '9') || c == '?';
      }
      if (!ok) {
        int sp = text.indexOf(' ', p);
        int end = sp < 0 || sp > to ? to : sp;
        throw new MalformedInputException(source, lineNo, p - from + 1,
            "expected a 5-digit group (digits or ?), found \"" + text.substring(p, end) + "\"");
      }
      groups.add(text.substring(p, p + 5));
      inLine++;
      p += 5;
      if (p == to) {
        return;
      }
      p++; // the space
    }
  }

  private static int number(String s, int maxDigits, String source, int line, int col, String what)
      throws MalformedInputException {
    boolean digits = !s.isEmpty() && s.length() <= maxDigits;
    for (int i = 0; digits && i < s.length(); i++) {
      digits = s.charAt(i) >= '0' && s.charAt(i) <= '9';
    }
    if (!digits) {
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
