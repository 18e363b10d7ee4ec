package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shifrovka.cli.CliRun.arg;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** The top-level command: help, version, completion, usage errors and internal errors. */
class ShifrovkaTest {

  @Test
  void help_listsEveryCommandWithOneLineAndTheExitCodes() {
    CliRun.Result r = CliRun.run("--help").exits(ExitCodes.OK);
    assertThat(r.out())
        .containsPattern("(?m)^  codebook +Generate a codebook")
        .containsPattern("(?m)^  pad +Generate a one-time pad")
        .containsPattern("(?m)^  encode +Encipher a message")
        .containsPattern("(?m)^  decode +Decipher radiograms")
        .containsPattern("(?m)^  telegram +Check radiogram files")
        .containsPattern("(?m)^  demo +Run the 1949 chain: every stage explained, then over\\s+three Netty stations\\.$")
        .containsPattern("(?m)^  explain +Walk any message through every stage of the chain, each\\s+explained for a class\\.$")
        .containsPattern("(?m)^  gen-manpage +Write a man page for every command, as AsciiDoc\\.$")
        .containsPattern("(?m)^  pki +Create the simulation certificate authority")
        .containsPattern("(?m)^  station +Run one station of a topology as its own process")
        .containsPattern("(?m)^  generate-completion +Generate bash/zsh completion")
        .contains("Exit codes:")
        .containsPattern("(?m)^  70 +internal error")
        .contains("Example:");
  }

  @ParameterizedTest
  @ValueSource(strings = {"codebook", "codebook generate", "codebook lookup", "pad",
      "pad generate", "pad status", "encode", "decode", "telegram", "telegram check", "demo", "explain", "gen-manpage",
      "simulate", "station", "pki", "pki init", "pki issue", "generate-completion", "help"})
  void help_ofEveryCommand_hasAWorkedExampleAndTheExitCodes(String command) {
    String[] args = Keys.concat(command.split(" "), new String[] {"--help"});
    CliRun.Result r = CliRun.run(args).exits(ExitCodes.OK);
    assertThat(r.out()).contains("Usage: shifrovka " + command).contains("Exit codes:")
        .contains("4    security").contains("\nExample:\n");
    assertThat(r.out().substring(r.out().indexOf("\nExample:\n")))
        .contains("shifrovka " + command);
  }

  @Test
  void version_comesFromTheFilteredProperties() throws Exception {
    CliRun.Result r = CliRun.run("--version").exits(ExitCodes.OK);
    assertThat(r.out()).startsWith("shifrovka " + VersionProvider.version() + "\n");
    assertThat(VersionProvider.version()).doesNotContain("${").isNotBlank();
  }

  @Test
  void generateCompletion_printsABashScript() {
    CliRun.Result r = CliRun.run("generate-completion").exits(ExitCodes.OK);
    assertThat(r.out()).contains("#!/usr/bin/env bash").contains("_shifrovka")
        .contains("encode").contains("--max-groups").contains("two-part");
  }

  @Test
  void noCommand_printsUsage_exit2() {
    CliRun.Result r = CliRun.run().exits(ExitCodes.USAGE);
    assertThat(r.err()).startsWith("Usage: shifrovka");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void parentWithoutSubcommand_printsItsUsage_exit2() {
    assertThat(CliRun.run("pad").exits(ExitCodes.USAGE).err()).startsWith("Usage: shifrovka pad");
  }

  @Test
  void unknownOption_oneLineWithSuggestion_exit2() {
    CliRun.Result r = CliRun.run("demo", "--sed").exits(ExitCodes.USAGE);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).startsWith("error: Unknown option: '--sed'").contains("--seed")
        .contains("(see 'shifrovka demo --help')");
  }

  @Test
  void badOptionValue_exit2() {
    CliRun.Result r = CliRun.run("codebook", "generate", "--lang", "fr").exits(ExitCodes.USAGE);
    assertThat(r.err()).contains("unknown language \"fr\"");
  }

  @Test
  void missingFile_namesIt_exit2(@TempDir Path dir) {
    Path missing = dir.resolve("nope.txt");
    CliRun.Result r = CliRun.run("pad", "status", "--pads", arg(missing), "--ledger",
        arg(dir.resolve("l.txt"))).exits(ExitCodes.USAGE);
    assertThat(r.err()).isEqualTo("error: " + missing + ": no such file or directory\n");
  }

  @Test
  void unexpectedException_exit70_stackTraceOnlyWithVerbose(@TempDir Path dir) throws Exception {
    Keys k = Keys.make(dir, 3);
    CliRun.Result quiet = CliRun.run("hello", new CliRun.BrokenClock(), k.encodeArgs("-"))
        .exits(ExitCodes.INTERNAL);
    assertThat(quiet.err()).endsWith("\nerror: internal error: java.lang.IllegalStateException:"
        + " the test clock is broken (run with --verbose for the stack trace)\n");
    assertThat(quiet.err()).doesNotContain("\tat ");
    assertThat(quiet.out()).isEmpty();
    assertThat(Files.readString(k.ledger())).doesNotContain("1949 1 ");

    CliRun.Result verbose = CliRun.run("hello", new CliRun.BrokenClock(),
        k.encodeArgs("--verbose", "-")).exits(ExitCodes.INTERNAL);
    assertThat(verbose.err()).contains("error: internal error: java.lang.IllegalStateException:"
        + " the test clock is broken\n").contains("\tat org.shifrovka.");
  }

  @Test
  void verboseBeforeTheCommand_alsoShowsTheStackTrace(@TempDir Path dir) {
    CliRun.Result r = CliRun.run("--verbose", "pad", "status", "--pads",
        arg(dir.resolve("x")), "--ledger", arg(dir.resolve("y"))).exits(ExitCodes.USAGE);
    assertThat(r.err()).contains("java.nio.file.NoSuchFileException");
  }

  @Test
  void unwritableStandardOutput_isAnIoFailure_exit1() {
    PrintWriter broken = new PrintWriter(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("No space left on device");
      }
    });
    StringWriter err = new StringWriter();
    int code = Shifrovka.create(broken, new PrintWriter(err, true),
        new Environment(InputStream.nullInputStream(), CliRun.CLOCK)).execute("demo", "--in-process");
    assertThat(code).isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString()).isEqualTo("error: I/O error: cannot write to standard output\n");
  }

  @Test
  void exitCodes_areDistinctAndMatchTheDocumentedList() {
    assertThat(ExitCodes.descriptions()).containsOnlyKeys("0", "1", "2", "3", "4", "70");
    assertThat(new int[] {ExitCodes.OK, ExitCodes.FAILURE, ExitCodes.USAGE, ExitCodes.BAD_DATA,
        ExitCodes.SECURITY, ExitCodes.INTERNAL}).containsExactly(0, 1, 2, 3, 4, 70);
    assertThat(CommandLine.ExitCode.USAGE).isEqualTo(ExitCodes.USAGE);
  }
}
