package org.shifrovka.cli;

import java.io.PrintWriter;

/**
 * A progress line on standard error for a long job, {@code generating sheets: 45% (45000 of
 * 100000)}, rewritten in place and cleared at the end; only when standard error is a terminal
 * ({@link Terminal#progress()}), never in a pipe or a log. It is redrawn when the whole percentage
 * changes, so its cost does not depend on how often the job reports.
 */
public final class Progress implements AutoCloseable {
  private final PrintWriter err;
  private final String label;
  private final long total;
  private final boolean shown;
  private int percent = -1;
  private int drawn;

  private Progress(PrintWriter err, String label, long total, boolean shown) {
    this.err = err;
    this.label = label;
    this.total = Math.max(1, total);
    this.shown = shown;
  }

  /**
   * Starts a progress line.
   *
   * @param err standard error
   * @param terminal the terminal: nothing is written unless standard error is one
   * @param label what is being done, such as {@code generating sheets}
   * @param total how many steps the job has
   * @return the progress line; close it when the job ends
   */
  public static Progress start(PrintWriter err, Terminal terminal, String label, long total) {
    return new Progress(err, label, total, terminal.progress());
  }

  /**
   * Reports that {@code done} of the total steps are done.
   *
   * @param done the steps done so far
   */
  public void update(long done) {
    if (!shown) {
      return;
    }
    int p = (int) Math.min(100, done * 100 / total);
    if (p == percent) {
      return;
    }
    percent = p;
    draw(label + ": " + p + "% (" + done + " of " + total + ")");
  }

  /**
   * Shows {@code text} after the label in place of the line, for a job whose end is not known in
   * steps, such as a simulation ({@code simulating: 2:15:00 simulated, ...}).
   *
   * @param text what to show
   */
  public void show(String text) {
    if (shown) {
      draw(label + ": " + text);
    }
  }

  private void draw(String line) {
    err.print("\r" + line + " ".repeat(Math.max(0, drawn - line.length())));
    err.flush();
    drawn = line.length();
  }

  /** Clears the progress line. */
  @Override
  public void close() {
    if (shown && drawn > 0) {
      err.print("\r" + " ".repeat(drawn) + "\r");
      err.flush();
    }
  }
}
