package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Help as a user reads it: the right command, examples whole, values in the user's terms. */
class HelpTest {

  /** Every command path of the tool, {@code [codebook, generate]} and so on. */
  static List<List<String>> commands() {
    List<List<String>> out = new ArrayList<>();
    collect(Shifrovka.create(new java.io.PrintWriter(java.io.Writer.nullWriter()),
        new java.io.PrintWriter(java.io.Writer.nullWriter())), new ArrayList<>(), out);
    return out;
  }

  private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
    for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
      List<String> p = new ArrayList<>(path);
      p.add(e.getKey());
      out.add(p);
      collect(e.getValue(), p, out);
    }
  }

  @Test
  void everyExample_ofEveryCommand_fitsTheWidth_andNoWordIsBroken() {
    for (List<String> command : commands()) {
      List<String> args = new ArrayList<>(command);
      args.add("--help");
      String out = CliRun.run(args.toArray(String[]::new)).exits(ExitCodes.OK).out();
      int examples = out.indexOf("\nExample:\n");
      if (examples < 0) {
        continue;
      }
      List<String> lines = out.substring(examples + 10).lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        assertThat(line.length()).as("%s: %s", command, line).isLessThanOrEqualTo(80);
        if (i > 0 && lines.get(i - 1).endsWith(" \\")) {
          assertThat(line).as("%s: a continuation is indented", command).startsWith("    ");
        }
      }
    }
  }

  @Test
  void help_ofANestedCommand_isThatCommandsHelp() {
    assertThat(CliRun.run("help", "codebook", "generate").exits(ExitCodes.OK).out())
        .startsWith("Usage: shifrovka codebook generate ");
    assertThat(CliRun.run("help", "morse", "wav").exits(ExitCodes.OK).out())
        .startsWith("Usage: shifrovka morse wav ");
    assertThat(CliRun.run("help", "codebook", "nope").exits(ExitCodes.USAGE).err())
        .startsWith("error: Unknown command 'nope' under 'shifrovka codebook'; its commands:"
            + " generate, lookup");
  }

  @Test
  void badOptionValues_sayWhatIsExpected_withoutJavaInternals() {
    CliRun.Result date = CliRun.run("encode", "--codebook", "c", "--pads", "p", "--ledger", "l",
        "--date", "13/01/1949").exits(ExitCodes.USAGE);
    assertThat(date.err()).isEqualTo("error: Invalid value for option '--date': \"13/01/1949\" is"
        + " not an ISO date-time such as 1949-01-13T21:40 or 1949-01-13T21:40+08:00 (see"
        + " 'shifrovka encode --help')\n");
    CliRun.Result precedence = CliRun.run("encode", "--codebook", "c", "--pads", "p", "--ledger",
        "l", "--precedence", "flashy").exits(ExitCodes.USAGE);
    assertThat(precedence.err()).contains("\"flashy\"").doesNotContain("java.lang")
        .doesNotContain("cannot convert");
    CliRun.Result format = CliRun.run("encode", "--codebook", "c", "--pads", "p", "--ledger",
        "l", "--format", "xml").exits(ExitCodes.USAGE);
    assertThat(format.err()).contains("unknown value \"xml\" (expected radiogram, archival, json)");
  }

  @Test
  void wrap_breaksAtSpaces_withAContinuation() {
    StringBuilder out = new StringBuilder();
    ExampleFooter.wrap("  shifrovka decode --codebook codebook.txt --pads pads.txt --format"
        + " archival part3.txt", 40, out);
    assertThat(out.toString()).isEqualTo("  shifrovka decode --codebook \\\n"
        + "      codebook.txt --pads pads.txt \\\n      --format archival part3.txt\n");
  }
}
