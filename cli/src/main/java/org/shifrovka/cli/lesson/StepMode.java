package org.shifrovka.cli.lesson;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.shifrovka.lesson.Stage;

/**
 * The interactive walk: one stage per screen, then a prompt. Enter (or {@code n}) goes on,
 * {@code b} goes back, a number or a stage id jumps there, {@code l} lists the stages, {@code q}
 * (or the end of input) quits. Line-based, so it works in any terminal and can be driven through
 * a pseudo-terminal in tests.
 */
public final class StepMode {
  /** Clears the screen and puts the cursor at the top (ANSI). */
  static final String CLEAR = "\033[H\033[2J";

  private final List<Stage> stages;
  private final StagePrinter printer;
  private final String list;
  private final boolean clear;
  private final int width;

  /**
   * Returns a step mode over some stages.
   *
   * @param stages the stages, in order
   * @param printer how to render a stage
   * @param list the stage list, shown for {@code l}
   * @param clear whether to clear the screen before each stage
   * @param width the terminal's width: the prompt is shortened to fit
   */
  public StepMode(List<Stage> stages, StagePrinter printer, String list, boolean clear,
      int width) {
    this.stages = List.copyOf(stages);
    this.printer = printer;
    this.list = list;
    this.clear = clear;
    this.width = width;
  }

  /**
   * Runs the walk until the reader quits or passes the last stage.
   *
   * @param in the keyboard, line by line
   * @param out the screen
   * @throws IOException if the keyboard cannot be read
   */
  public void run(BufferedReader in, PrintWriter out) throws IOException {
    int at = 0;
    String note = null;
    while (true) {
      out.print((clear ? CLEAR : "") + printer.stage(stages.get(at), stages.size()));
      if (note != null) {
        out.print(note + "\n");
        note = null;
      }
      String prompt = (at + 1 < stages.size() ? "[Enter] next" : "[Enter] end") + "  b back  1-"
          + stages.size() + " jump  l list  q quit > ";
      out.print("\n" + (prompt.length() < width ? prompt : "Enter/b/1-" + stages.size()
          + "/l/q > "));
      out.flush();
      String line = in.readLine();
      if (line == null) {
        out.print("\n");
        out.flush();
        return;
      }
      String key = line.strip().toLowerCase(Locale.ROOT);
      switch (key) {
        case "", "n" -> {
          if (at + 1 >= stages.size()) {
            out.print("\n");
            out.flush();
            return;
          }
          at++;
        }
        case "b", "p" -> at = Math.max(0, at - 1);
        case "q" -> {
          out.print("\n");
          out.flush();
          return;
        }
        case "l" -> note = "\n" + list;
        default -> {
          note = "\n" + unknownStage(key);
          for (int i = 0; i < stages.size(); i++) {
            Stage s = stages.get(i);
            if (s.id().id().equalsIgnoreCase(key) || key.equals(String.valueOf(s.number()))) {
              at = i;
              note = null;
            }
          }
        }
      }
    }
  }

  /** The message for a key that names no stage: the ids of these stages. */
  private String unknownStage(String key) {
    StringBuilder ids = new StringBuilder();
    for (Stage s : stages) {
      ids.append(ids.length() == 0 ? "" : ", ").append(s.id().id());
    }
    return "no stage \"" + key + "\" (stages: " + ids + ", or a number from 1 to "
        + stages.size() + ")";
  }
}
