package org.shifrovka.cli.command;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import org.shifrovka.CipherSystem;
import org.shifrovka.cli.Terminal;
import org.shifrovka.cli.lesson.StagePrinter;
import org.shifrovka.cli.lesson.StepMode;
import org.shifrovka.lesson.Stage;
import org.shifrovka.lesson.Walkthrough;
import org.shifrovka.sim.classroom.WalkthroughJson;
import picocli.CommandLine.Option;

/**
 * How {@code demo} and {@code explain} show a walkthrough: all stages (compact or
 * {@code --full}), one {@code --stage}, the {@code --list-stages}, {@code --step} by step, or
 * {@code --json}.
 */
final class WalkthroughOptions {
  @Option(names = "--step", description = "One stage per screen: Enter goes on, b goes back, a"
      + " number jumps, q quits. Needs a terminal on standard output (keys are read from the"
      + " terminal even when the message comes from a pipe); otherwise it is refused (exit code"
      + " 2).")
  boolean step;

  @Option(names = "--stage", paramLabel = "<id|n>", description = "Print only this stage: its id"
      + " (telegraphese, code-groups, spell, regroup, pad-sheet, additive, radiogram, morse, air,"
      + " receive, decipher, reassemble, archival-copy, register; explain --system lists its"
      + " own with --list-stages) or number.")
  String stage;

  @Option(names = "--list-stages", description = "List the stages and exit.")
  boolean listStages;

  @Option(names = "--full", description = "Show every group, row and line of each stage, not"
      + " only the first rows.")
  boolean full;

  @Option(names = "--json", description = "Print the walkthrough as JSON (format"
      + " shifrovka-walkthrough, see cli/README.md).")
  boolean json;

  @Option(names = "--no-color", description = "No colours, even on a terminal (NO_COLOR in the"
      + " environment does the same).")
  boolean noColor;

  /** Checks the combination of options for the 1949 office; returns an error message or null. */
  String conflict() {
    return conflict(CipherSystem.CODEBOOK_PAD);
  }

  /** Checks the combination of options for a system; returns an error message or null. */
  String conflict(CipherSystem system) {
    int modes = (step ? 1 : 0) + (stage != null ? 1 : 0) + (listStages ? 1 : 0) + (json ? 1 : 0);
    if (modes > 1) {
      return "--step, --stage, --list-stages and --json exclude each other";
    }
    if (stage != null) {
      try {
        Walkthrough.stageId(system, stage);
      } catch (IllegalArgumentException e) {
        return "--stage: " + e.getMessage();
      }
    }
    return null;
  }

  /** Returns true if the walkthrough is all that is printed (no network part). */
  boolean alone() {
    return step || stage != null || listStages || json;
  }

  /** Returns the terminal as these options leave it. */
  Terminal terminal(Terminal t) {
    return noColor ? t.withoutColor() : t;
  }

  /**
   * Shows a walkthrough as the options say.
   *
   * @return false if step mode was asked for without a terminal
   */
  boolean show(AbstractCommand command, Walkthrough w) throws IOException {
    Terminal t = terminal(command.env().terminal());
    StagePrinter printer = new StagePrinter(t.width(), t.color(),
        full ? StagePrinter.Detail.FULL : StagePrinter.Detail.COMPACT);
    if (json) {
      command.print(WalkthroughJson.write(w));
    } else if (listStages) {
      command.print(printer.list(w));
    } else if (stage != null) {
      command.print(printer.stage(w.stage(stage), w.stages().size()));
    } else if (step) {
      if (!t.interactive()) {
        return false;
      }
      InputStream keys = t.keysOnStdin() ? command.env().stdin()
          : Files.newInputStream(Terminal.TTY);
      try (BufferedReader keyboard = new BufferedReader(new InputStreamReader(keys,
          StandardCharsets.UTF_8))) {
        new StepMode(w.stages(), printer, printer.list(w), true, t.width()).run(keyboard,
            command.out());
      }
    } else {
      StringBuilder all = new StringBuilder();
      for (Stage s : w.stages()) {
        all.append(s.number() == 1 ? "" : "\n").append(printer.stage(s, w.stages().size()));
      }
      command.print(all.toString());
    }
    return true;
  }

  /** The message for step mode without a terminal. */
  static final String NO_TERMINAL = "--step needs a terminal on standard output; in a pipe"
      + " leave out --step to print every stage, or use --stage ID";
}
