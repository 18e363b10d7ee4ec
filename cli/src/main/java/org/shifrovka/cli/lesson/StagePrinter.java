package org.shifrovka.cli.lesson;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.shifrovka.lesson.Highlight;
import org.shifrovka.lesson.Stage;
import org.shifrovka.lesson.Value;
import org.shifrovka.lesson.Walkthrough;
import picocli.CommandLine.Help.Ansi.Style;

/**
 * Renders the stages of a {@link Walkthrough} for a terminal or a pipe: every line wrapped to the
 * width, rows of groups never broken inside a group, every mark shown by a symbol (colour, on a
 * terminal, only repeats what the symbol says).
 *
 * <p>{@link Detail#COMPACT} shows a few rows of each value, enough for a projector;
 * {@link Detail#FULL} shows every group, row and line.
 */
public final class StagePrinter {
  /** How much of each value to show. */
  public enum Detail {
    /** A few rows of each value, the rest counted. */
    COMPACT,
    /** Everything. */
    FULL
  }

  private static final int COMPACT_ROWS = 4;
  private static final int COMPACT_TEXT_LINES = 6;
  private static final int COMPACT_TABLE_ROWS = 12;

  private final int width;
  private final boolean color;
  private final Detail detail;

  /**
   * Returns a printer.
   *
   * @param width the line width, 40 or more
   * @param color whether to write ANSI colours
   * @param detail how much to show
   */
  public StagePrinter(int width, boolean color, Detail detail) {
    this.width = Math.max(40, width);
    this.color = color;
    this.detail = detail;
  }

  /**
   * Renders one stage; the text ends with a line feed.
   *
   * @param stage the stage
   * @param of the number of stages in the walkthrough
   * @return the lines
   */
  public String stage(Stage stage, int of) {
    StringBuilder out = new StringBuilder(4096);
    String heading = stage.number() + "/" + of + " " + stage.title() + " [" + stage.id().id()
        + "]";
    for (String line : Wrap.lines(heading, width, "", "      ")) {
      out.append(style(line, Style.bold)).append('\n');
    }
    out.append("-".repeat(Math.min(width, Math.max(10, heading.length())))).append('\n');
    for (String line : Wrap.lines(stage.explanation(), width, "", "")) {
      out.append(line).append('\n');
    }
    values(out, stage, stage.input(), Highlight.Side.INPUT, "in");
    values(out, stage, stage.output(), Highlight.Side.OUTPUT, "out");
    return out.toString();
  }

  /**
   * Renders the list of stages: number, id and title, one line each.
   *
   * @param walkthrough the walkthrough
   * @return the lines
   */
  public String list(Walkthrough walkthrough) {
    StringBuilder out = new StringBuilder();
    for (Stage s : walkthrough.stages()) {
      String line = String.format("%2d  %-14s %s", s.number(), s.id().id(), s.title());
      for (String l : Wrap.lines(line, width, "", " ".repeat(19))) {
        out.append(l).append('\n');
      }
    }
    return out.toString();
  }

  private void values(StringBuilder out, Stage stage, List<Value> values, Highlight.Side side,
      String word) {
    for (int v = 0; v < values.size(); v++) {
      Value value = values.get(v);
      List<Highlight> hl = new ArrayList<>();
      for (Highlight h : stage.highlights()) {
        if (h.side() == side && h.value() == v) {
          hl.add(h);
        }
      }
      out.append('\n');
      for (String line : Wrap.lines(word + ": " + value.label(), width, "", "     ")) {
        out.append(style(line, Style.underline)).append('\n');
      }
      if (value instanceof Value.Text t) {
        text(out, t.text());
      } else if (value instanceof Value.Groups g) {
        groups(out, g, hl);
      } else if (value instanceof Value.Table t) {
        table(out, t, hl);
      } else if (value instanceof Value.Fields f) {
        fields(out, f, hl);
      } else if (value instanceof Value.Morse m) {
        morse(out, m);
      }
      for (Highlight h : hl) {
        String where = where(value, h.item());
        for (String line : Wrap.lines("> " + where + h.note(), width, "  ", "    ")) {
          out.append(style(line, Style.fg_yellow)).append('\n');
        }
      }
    }
  }

  private static String where(Value value, int item) {
    if (value instanceof Value.Groups g && item < g.groups().size()) {
      Value.Group group = g.groups().get(item);
      String d = group.digits().length() > 12 ? group.digits().substring(0, 12) + "..."
          : group.digits();
      return "group " + (item + 1) + " (" + d + "): ";
    }
    if (value instanceof Value.Table t && item < t.rows().size()) {
      return "row " + (item + 1) + ": ";
    }
    if (value instanceof Value.Fields f && item < f.fields().size()) {
      return f.fields().get(item).name() + ": ";
    }
    if (value instanceof Value.Text t) {
      String[] words = t.text().split("\\s+");
      return item < words.length ? "\"" + words[item] + "\": " : "";
    }
    return "";
  }

  private void text(StringBuilder out, String text) {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n", -1)) {
      lines.addAll(Wrap.lines(paragraph, width, "  ", "  "));
    }
    int shown = detail == Detail.FULL ? lines.size() : Math.min(lines.size(), COMPACT_TEXT_LINES);
    for (int i = 0; i < shown; i++) {
      out.append(lines.get(i)).append('\n');
    }
    more(out, lines.size() - shown, "line");
  }

  private void groups(StringBuilder out, Value.Groups value, List<Highlight> hl) {
    List<Value.Group> groups = value.groups();
    boolean meanings = groups.stream().anyMatch(g -> g.meaning() != null
        && g.mark() != Value.Mark.INDICATOR && g.mark() != Value.Mark.END
        && g.mark() != Value.Mark.SERIAL);
    Set<Value.Mark> marks = EnumSet.noneOf(Value.Mark.class);
    Set<Integer> lit = new java.util.HashSet<>();
    hl.forEach(h -> lit.add(h.item()));
    if (meanings) { // one "code  words" per cell, as many cells as fit
      List<String> cells = new ArrayList<>(groups.size());
      for (Value.Group g : groups) {
        marks.add(g.mark());
        cells.add(g.digits() + (g.mark() == Value.Mark.PLAIN ? " " : String.valueOf(
            g.mark().symbol())) + " " + (g.meaning() == null ? "" : g.meaning()));
      }
      int cell = Math.min(width - 2, cells.stream().mapToInt(String::length).max().orElse(1) + 2);
      int perRow = Math.max(1, (width - 2) / cell);
      rows(out, cells, groups, perRow, cell, lit);
    } else {
      List<String> cells = new ArrayList<>(groups.size());
      for (Value.Group g : groups) {
        marks.add(g.mark());
        cells.add(g.digits() + (g.mark() == Value.Mark.PLAIN ? "" : String.valueOf(
            g.mark().symbol())));
      }
      int cell = cells.stream().mapToInt(String::length).max().orElse(5) + 1;
      int perRow = Math.max(1, Math.min(10, (width - 2) / cell));
      rows(out, cells, groups, perRow, cell, lit);
    }
    marks.remove(Value.Mark.PLAIN);
    if (!marks.isEmpty()) {
      StringBuilder legend = new StringBuilder();
      for (Value.Mark m : marks) {
        legend.append(legend.length() == 0 ? "" : ", ").append(m.symbol()).append(' ')
            .append(m.id());
      }
      for (String line : Wrap.lines("(" + legend + ")", width, "  ", "   ")) {
        out.append(line).append('\n');
      }
    }
  }

  private void rows(StringBuilder out, List<String> cells, List<Value.Group> groups, int perRow,
      int cell, Set<Integer> lit) {
    int rows = (cells.size() + perRow - 1) / perRow;
    int shown = detail == Detail.FULL ? rows : Math.min(rows, COMPACT_ROWS);
    // in compact mode a highlighted row beyond the first rows is shown too
    List<Integer> show = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      boolean hit = false;
      for (int i = r * perRow; i < Math.min(cells.size(), (r + 1) * perRow); i++) {
        hit |= lit.contains(i) || groups.get(i).mark() == Value.Mark.GARBLED;
      }
      if (r < shown || (hit && show.size() < shown + 3)) {
        show.add(r);
      }
    }
    int last = -1;
    for (int r : show) {
      if (r > last + 1) {
        out.append("  ...").append('\n');
      }
      StringBuilder line = new StringBuilder("  ");
      for (int i = r * perRow; i < Math.min(cells.size(), (r + 1) * perRow); i++) {
        String c = cells.get(i);
        if (c.length() > width - 2) { // a spelled run longer than the line: break between codes
          out.append(line.toString().stripTrailing()).append('\n');
          for (String part : Wrap.lines(c, width, "  ", "    ")) {
            out.append(part).append('\n');
          }
          line = new StringBuilder("  ");
          continue;
        }
        String padded = c + " ".repeat(Math.max(0, cell - c.length()));
        Value.Group g = groups.get(i);
        if (g.mark() == Value.Mark.GARBLED) {
          line.append(style(c, Style.fg_red)).append(padded.substring(c.length()));
        } else if (lit.contains(i)) {
          line.append(style(c, Style.fg_yellow)).append(padded.substring(c.length()));
        } else {
          line.append(padded);
        }
      }
      out.append(stripTrailing(line.toString())).append('\n');
      last = r;
    }
    if (last < rows - 1) {
      more(out, cells.size() - Math.min(cells.size(), (last + 1) * perRow), "group");
    }
  }

  private static String stripTrailing(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(0, end);
  }

  private void table(StringBuilder out, Value.Table t, List<Highlight> hl) {
    int n = t.columns().size();
    int[] w = new int[n];
    for (int c = 0; c < n; c++) {
      w[c] = t.columns().get(c).length();
      for (List<String> row : t.rows()) {
        w[c] = Math.max(w[c], row.get(c).length());
      }
    }
    int total = 2;
    for (int c = 0; c < n; c++) {
      total += w[c] + 2;
    }
    if (total > width) { // too wide: one "column: value" line per cell
      for (int r = 0; r < t.rows().size(); r++) {
        for (int c = 0; c < n; c++) {
          for (String line : Wrap.lines(t.columns().get(c) + ": " + t.rows().get(r).get(c), width,
              c == 0 ? "  " : "    ", "      ")) {
            out.append(line).append('\n');
          }
        }
      }
      return;
    }
    out.append(row(t.columns(), w)).append('\n');
    int shown = detail == Detail.FULL ? t.rows().size()
        : Math.min(t.rows().size(), COMPACT_TABLE_ROWS);
    Set<Integer> lit = new java.util.HashSet<>();
    hl.forEach(h -> lit.add(h.item()));
    for (int r = 0; r < shown; r++) {
      String line = row(t.rows().get(r), w);
      out.append(lit.contains(r) ? style(line, Style.fg_yellow) : line).append('\n');
    }
    more(out, t.rows().size() - shown, "row");
  }

  private static String row(List<String> cells, int[] w) {
    StringBuilder sb = new StringBuilder("  ");
    for (int c = 0; c < cells.size(); c++) {
      sb.append(cells.get(c)).append(" ".repeat(w[c] - cells.get(c).length() + 2));
    }
    return stripTrailing(sb.toString());
  }

  private void fields(StringBuilder out, Value.Fields f, List<Highlight> hl) {
    int nameWidth = f.fields().stream().mapToInt(x -> x.name().length()).max().orElse(4);
    nameWidth = Math.min(nameWidth, 18);
    Set<Integer> lit = new java.util.HashSet<>();
    hl.forEach(h -> lit.add(h.item()));
    for (int i = 0; i < f.fields().size(); i++) {
      Value.Field field = f.fields().get(i);
      String name = field.name() + " ".repeat(Math.max(0, nameWidth - field.name().length()));
      String line = field.value() + (field.meaning().isEmpty() ? ""
          : "  (" + field.meaning() + ")");
      for (String l : Wrap.lines(line, width, "  " + name + "  ", " ".repeat(nameWidth + 4))) {
        out.append(lit.contains(i) ? style(l, Style.fg_yellow) : l).append('\n');
      }
    }
  }

  private void morse(StringBuilder out, Value.Morse m) {
    String[] text = m.text().split("\n");
    String[] morse = m.morse().split("\n");
    int shown = detail == Detail.FULL ? text.length : Math.min(text.length, 3);
    for (int i = 0; i < shown; i++) {
      out.append(Wrap.lines(text[i], width, "  ", "  ").stream()
          .reduce((a, b) -> a + "\n" + b).orElse("")).append('\n');
      if (i < morse.length) {
        for (String line : Wrap.lines(morse[i], width, "    ", "    ")) {
          out.append(line).append('\n');
        }
      }
    }
    more(out, text.length - shown, "line");
  }

  private static void more(StringBuilder out, int n, String what) {
    if (n > 0) {
      out.append("  ... ").append(n).append(' ').append(what).append(n == 1 ? "" : "s")
          .append(" more (--full shows all)\n");
    }
  }

  private String style(String s, Style style) {
    // reset rather than the style's own off: picocli's bold-off (ESC[21m) is double underline
    // in many terminals
    return color ? style.on() + s + Style.reset.on() : s;
  }
}
