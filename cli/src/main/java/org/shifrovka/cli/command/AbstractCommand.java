package org.shifrovka.cli.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.shifrovka.MalformedInputException;
import org.shifrovka.cli.CliException;
import org.shifrovka.cli.CliIo;
import org.shifrovka.cli.Environment;
import org.shifrovka.cli.Shifrovka;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.pad.PadBook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every command shares: its spec, its output streams (always those of the
 * {@link picocli.CommandLine}, so that tests can capture them) and the environment.
 */
@Command
abstract class AbstractCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Returns where results go. */
  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Returns where errors, warnings and reports go. */
  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Returns standard input and the clock. */
  Environment env() {
    return ((Shifrovka) spec.root().userObject()).environment();
  }

  /**
   * Prints {@code text} to standard output as is (the text carries its own line feeds).
   *
   * @throws IOException if standard output cannot be written (a full disk, a closed pipe)
   */
  void print(String text) throws IOException {
    out().print(text);
    out().flush();
    if (out().checkError()) {
      throw new IOException("cannot write to standard output");
    }
  }

  /** Prints one warning line to standard error. */
  void warn(String message) {
    err().print("warning: " + message + "\n");
    err().flush();
  }

  /** Returns a usage error (exit code 2) for this command. */
  ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** Reads a file, or standard input for {@code -}. */
  CliIo.Input read(Path path) throws IOException, MalformedInputException {
    return CliIo.read(path, env().stdin());
  }

  /**
   * Prints {@code text} to standard output if {@code output} is {@code -}, else writes it to that
   * file whole or not at all, owner-only ({@link CliIo#writeSecretAtomically}).
   *
   * @return true if the text went to a file
   * @throws CliException if the file exists and {@code force} is false
   */
  boolean printOrWriteSecret(Path output, String text, boolean force)
      throws IOException, CliException {
    if (CliIo.isDash(output)) {
      print(text);
      return false;
    }
    CliIo.writeSecretAtomically(output, text, force);
    return true;
  }

  /** Reads the radiograms of each file in turn. */
  List<RadiogramInput> readRadiograms(List<Path> files)
      throws IOException, MalformedInputException {
    List<RadiogramInput> all = new ArrayList<>();
    for (Path p : files) {
      all.addAll(RadiogramInput.parse(read(p)));
    }
    return all;
  }

  /**
   * Returns the clock of a {@code --date}: fixed at it, a local date-time read in {@code zone};
   * without one, the clock of the environment (now).
   */
  Clock clockAt(Converters.DateTimeArg date, ZoneId zone) {
    return date == null ? env().clock()
        : Clock.fixed(date.in(zone).toInstant(), ZoneOffset.UTC);
  }

  /** Reads a codebook file. */
  Codebook readCodebook(Path path) throws IOException, MalformedInputException {
    CliIo.Input in = read(path);
    return Codebook.parse(in.text(), in.name());
  }

  /** Reads a pad file. */
  PadBook readPads(Path path) throws IOException, MalformedInputException {
    CliIo.Input in = read(path);
    return PadBook.parse(in.text(), in.name());
  }
}
