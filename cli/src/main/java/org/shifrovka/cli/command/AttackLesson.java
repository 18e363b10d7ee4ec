package org.shifrovka.cli.command;

import java.util.List;
import org.shifrovka.lesson.Highlight;
import org.shifrovka.lesson.Value;
import org.shifrovka.lesson.Stage;
import org.shifrovka.lesson.VenonaStageId;
import org.shifrovka.lesson.VenonaWalkthrough;

/**
 * {@code shifrovka demo --venona} as text: the five stages of the {@link VenonaWalkthrough}, each
 * with its explanation, what it takes in and gives out, and what to look at.
 */
final class AttackLesson {
  private static final int ROWS = 8;

  private AttackLesson() {}

  /** Renders the lesson; {@code full} shows every row and group. */
  static String render(VenonaWalkthrough w, boolean full, int width) {
    StringBuilder sb = new StringBuilder();
    sb.append("VENONA: the other side of the wire (seed ").append(w.seed()).append(")\n\n");
    for (Stage s : w.stages()) {
      sb.append(stage(s, full, width)).append('\n');
    }
    sb.append(w.taught() ? "The depth was found and read (" + w.score().recovered() + " of "
        + w.score().words() + " words in depth); with an honest ledger there was none.\n"
        : "The lesson did not come out as it should.\n");
    return sb.toString();
  }

  /** Renders one stage. */
  static String stage(Stage s, boolean full, int width) {
    StringBuilder sb = new StringBuilder();
    String title = s.number() + "/" + VenonaStageId.values().length + " " + s.title() + " ["
        + s.id().id() + "]";
    sb.append(title).append('\n').append("-".repeat(Math.min(width, title.length()))).append('\n');
    sb.append(wrap(s.explanation(), width, "")).append('\n');
    values(sb, "in", s.input(), full, width);
    values(sb, "out", s.output(), full, width);
    for (Highlight h : s.highlights()) {
      sb.append("  look: ").append(h.note()).append('\n');
    }
    return sb.toString();
  }

  private static void values(StringBuilder sb, String side, List<Value> values, boolean full,
      int width) {
    for (Value v : values) {
      sb.append("  ").append(side).append(": ").append(v.label()).append('\n');
      if (v instanceof Value.Text t) {
        String text = t.text().strip();
        if (text.contains("\n")) {
          String[] lines = text.split("\n");
          int n = full ? lines.length : Math.min(lines.length, 2 * ROWS);
          for (int i = 0; i < n; i++) {
            sb.append("    ").append(lines[i]).append('\n');
          }
          if (n < lines.length) {
            sb.append("    ... (").append(lines.length - n).append(" more lines; --full)\n");
          }
        } else {
          String shown = full || text.length() <= 4 * width ? text
              : text.substring(0, 4 * width) + " ... (--full)";
          sb.append(wrap(shown, width, "    ")).append('\n');
        }
      } else if (v instanceof Value.Groups g) {
        StringBuilder line = new StringBuilder();
        for (Value.Group x : g.groups()) {
          line.append(line.length() == 0 ? "" : " ").append(x.digits())
              .append(x.mark() == Value.Mark.PLAIN ? "" : "" + x.mark().symbol());
        }
        sb.append(wrap(line.toString(), width, "    ")).append('\n');
      } else if (v instanceof Value.Table t) {
        sb.append("    ").append(String.join(" | ", t.columns())).append('\n');
        int n = full ? t.rows().size() : Math.min(t.rows().size(), ROWS);
        for (int i = 0; i < n; i++) {
          sb.append("    ").append(String.join(" | ", t.rows().get(i))).append('\n');
        }
        if (n < t.rows().size()) {
          sb.append("    ... (").append(t.rows().size() - n).append(" more rows; --full)\n");
        }
      } else if (v instanceof Value.Fields f) {
        for (Value.Field x : f.fields()) {
          sb.append("    ").append(x.name()).append(": ").append(x.value()).append(" (")
              .append(x.meaning()).append(")\n");
        }
      }
    }
  }

  private static String wrap(String text, int width, String indent) {
    int w = Math.max(20, width - indent.length());
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > w) {
        out.append(indent).append(line).append('\n');
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    if (line.length() > 0) {
      out.append(indent).append(line).append('\n');
    }
    return out.toString().stripTrailing();
  }
}
