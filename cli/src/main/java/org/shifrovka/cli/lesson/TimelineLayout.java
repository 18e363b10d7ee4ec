package org.shifrovka.cli.lesson;

import org.shifrovka.sim.observe.EventLog;
import org.shifrovka.telegram.MoscowTime;

/**
 * Lays out a simulator timeline for a terminal: the heading of its columns, then each event line
 * wrapped to the width, continuation lines indented past the two time columns.
 */
public final class TimelineLayout {
  private TimelineLayout() {}

  /**
   * Returns the timeline under its heading, every line at most {@code width} columns.
   *
   * @param timeline the lines of {@link EventLog#timeline}
   * @param width the line width
   * @return the text, ending with a line feed unless empty
   */
  public static String render(String timeline, int width) {
    StringBuilder out = new StringBuilder(timeline.length() + 256);
    String indent = " ".repeat(MoscowTime.HEADING.length() + 2);
    for (String line : Wrap.lines(EventLog.TIMELINE_HEADING, width, "", indent)) {
      out.append(line).append('\n');
    }
    for (String line : timeline.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      // keep the columns: the time part as is, the rest wrapped
      int cut = Math.min(line.length(), MoscowTime.HEADING.length() + 2);
      String head = line.substring(0, cut);
      String rest = line.substring(cut);
      for (String l : Wrap.lines(rest, width, head, indent)) {
        out.append(l).append('\n');
      }
    }
    return out.toString();
  }
}
