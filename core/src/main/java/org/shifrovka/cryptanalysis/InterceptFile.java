package org.shifrovka.cryptanalysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.shifrovka.MalformedInputException;
import org.shifrovka.telegram.Radiogram;

/**
 * The interceptor's log: intercepted radiograms in their text form, each under a line naming the
 * intercept number and the link it was heard on.
 *
 * <pre>
 * SHIFROVKA INTERCEPTS 1
 *
 * INTERCEPT 1 LINK ЛИС-РАМ
 * 15 63 13 1110 СРОЧНАЯ =
 * 37584 41652 93176 49706 58737 02218 77104 55310 68249 90412
 * ...
 *
 * INTERCEPT 2 LINK ВОЛ-РАМ
 * ...
 * </pre>
 *
 * <p>Blocks are separated by an empty line; a line starting with {@code #} is a comment. The
 * radiogram lines are exactly {@link Radiogram#render()}, so {@code ?} marks a digit the
 * interceptor could not read.
 */
public final class InterceptFile {
  /** The first line of every intercept file. */
  public static final String MAGIC = "SHIFROVKA INTERCEPTS 1";

  private InterceptFile() {}

  /** Renders intercepts in the file format; ends with a line feed. */
  public static String render(List<Intercept> intercepts) {
    StringBuilder sb = new StringBuilder(intercepts.size() * 700 + 32);
    sb.append(MAGIC).append('\n');
    for (Intercept i : intercepts) {
      sb.append('\n').append("INTERCEPT ").append(i.id()).append(" LINK ").append(i.link())
          .append('\n').append(i.radiogram().render());
    }
    return sb.toString();
  }

  /**
   * Parses an intercept file.
   *
   * @param text the file's text
   * @param source the file name, for messages
   * @throws MalformedInputException naming line and column of the first problem
   */
  public static List<Intercept> parse(String text, String source) throws MalformedInputException {
    String[] lines = text.split("\r?\n", -1);
    int at = 0;
    while (at < lines.length && lines[at].isBlank()) {
      at++;
    }
    if (at >= lines.length || !lines[at].strip().equals(MAGIC)) {
      throw new MalformedInputException(source, at + 1, 1, "expected \"" + MAGIC
          + "\": not an intercept file");
    }
    at++;
    List<Intercept> out = new ArrayList<>();
    Set<Integer> ids = new HashSet<>();
    while (at < lines.length) {
      String line = lines[at];
      if (line.isBlank() || line.startsWith("#")) {
        at++;
        continue;
      }
      int headLine = at + 1;
      String[] f = line.strip().split(" +");
      if (f.length != 4 || !f[0].equals("INTERCEPT") || !f[2].equals("LINK")) {
        throw new MalformedInputException(source, headLine, 1,
            "expected \"INTERCEPT <number> LINK <link>\", found \"" + line + "\"");
      }
      int id;
      try {
        id = Integer.parseInt(f[1]);
      } catch (NumberFormatException e) {
        throw new MalformedInputException(source, headLine, 11, "not an intercept number: \""
            + f[1] + "\"");
      }
      if (!ids.add(id)) {
        throw new MalformedInputException(source, headLine, 11, "intercept " + id
            + " appears twice");
      }
      at++;
      int first = at;
      StringBuilder block = new StringBuilder();
      while (at < lines.length && !lines[at].isBlank()) {
        block.append(lines[at]).append('\n');
        at++;
      }
      if (block.length() == 0) {
        throw new MalformedInputException(source, headLine, 0, "intercept " + id
            + " has no radiogram");
      }
      Radiogram r;
      try {
        r = Radiogram.parse(block.toString(), source);
      } catch (MalformedInputException e) {
        throw new MalformedInputException(source, e.line() == 0 ? headLine : first + e.line(),
            e.column(), e.reason());
      }
      try {
        out.add(Intercept.of(id, f[3], r));
      } catch (IllegalArgumentException e) {
        throw new MalformedInputException(source, headLine, 0, e.getMessage());
      }
    }
    return out;
  }
}
