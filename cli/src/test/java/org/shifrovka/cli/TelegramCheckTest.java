package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shifrovka.cli.CliRun.arg;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shifrovka.scenario.Scenario1949;

/** {@code shifrovka telegram check}. */
class TelegramCheckTest {
  private static final String MESSAGE = "Comrade Filippov, I received your telegram.";

  private static Path encode(Keys k, Path ledger, int serial, String name) throws Exception {
    String out = CliRun.withStdin(MESSAGE, "encode", "--codebook", arg(k.codebook()), "--pads",
        arg(k.pads()), "--ledger", arg(ledger), "--serial", Integer.toString(serial), "-")
        .exits(ExitCodes.OK).out();
    Path f = k.dir().resolve(name);
    Files.writeString(f, out);
    return f;
  }

  @Test
  void check_telegramsOfOneLedger_allWell_exit0(@TempDir Path dir) throws Exception {
    Keys k = Keys.make(dir, 5);
    Path a = encode(k, k.ledger(), 1, "a.txt");
    Path b = encode(k, k.ledger(), 2, "b.txt");
    CliRun.Result r = CliRun.run("telegram", "check", arg(a), arg(b)).exits(ExitCodes.OK);
    assertThat(r.out()).isEqualTo(arg(a) + ": radiogram No. 1, 9 groups: well\n"
        + arg(b) + ": radiogram No. 2, 9 groups: well\n"
        + "checked 2 radiograms in 2 files: all well (structure only:"
        + " give --codebook and --pads to check sheets and parts)\n");
    CliRun.Result keyed = CliRun.run(Keys.concat(new String[] {"telegram", "check"},
        Keys.concat(k.keyArgs(), new String[] {arg(a), arg(b)}))).exits(ExitCodes.OK);
    assertThat(keyed.out()).endsWith(": well\nchecked 2 radiograms in 2 files: all well\n");
  }

  @Test
  void check_concatenatedOutputsOfEncode_checkAndDecode(@TempDir Path dir) throws Exception {
    Keys k = Keys.make(dir, 5);
    String a = Files.readString(encode(k, k.ledger(), 1, "a.txt"));
    String b = Files.readString(encode(k, k.ledger(), 2, "b.txt"));
    CliRun.Result r = CliRun.withStdin(a + b, "telegram", "check").exits(ExitCodes.OK);
    assertThat(r.out()).startsWith("<stdin>: radiogram No. 1, 9 groups: well\n"
        + "<stdin>: radiogram No. 2, 9 groups: well\nchecked 2 radiograms in 1 file: all well");
    CliRun.Result d = CliRun.withStdin(a + b, Keys.concat(new String[] {"decode"}, k.keyArgs()))
        .exits(ExitCodes.OK);
    assertThat(d.out().split("\n----\n", -1)).hasSize(2)
        .allSatisfy(text -> assertThat(text).contains("I RECEIVED YOUR TELEGRAM"));
  }

  @Test
  void check_sheetUsedTwice_raisesTheAlarm_exit1(@TempDir Path dir) throws Exception {
    Keys k = Keys.make(dir, 5);
    Path a = encode(k, k.ledger(), 1, "a.txt");
    Path b = encode(k, dir.resolve("another-ledger.txt"), 2, "b.txt"); // a second ledger: reuse
    CliRun.Result r = CliRun.run("telegram", "check", arg(a), arg(b)).exits(ExitCodes.FAILURE);
    assertThat(r.out()).startsWith(arg(b) + ": radiogram No. 2: ALARM: indicator ")
        .contains("was already used by radiogram No. 1 (" + arg(a) + ")")
        .endsWith(": 1 problem (structure only: give --codebook and --pads to check sheets and"
            + " parts)\n");
  }

  @Test
  void check_withKeys_findsSheetsSharedBeyondTheIndicator(@TempDir Path dir) throws Exception {
    Keys k = Keys.make(dir, 40);
    String long1 = CliRun.withStdin(Scenario1949.message(), k.encodeArgs("--serial", "1", "-"))
        .exits(ExitCodes.OK).out();
    Path a = dir.resolve("long.txt");
    Files.writeString(a, long1);
    // a second ledger starts at sheet 1 again, but skip a sheet so the indicators differ
    Path other = dir.resolve("other-ledger.txt");
    Files.writeString(other, "SHIFROVKA PAD LEDGER 1\n1949 1 2026-11-26T12:00:00Z\n");
    Path b = encode(k, other, 900, "b.txt");

    CliRun.Result structural = CliRun.run("telegram", "check", arg(a), arg(b))
        .exits(ExitCodes.OK);
    assertThat(structural.out()).contains("all well");
    CliRun.Result keyed = CliRun.run(Keys.concat(new String[] {"telegram", "check"},
        Keys.concat(k.keyArgs(), new String[] {arg(a), arg(b)}))).exits(ExitCodes.FAILURE);
    assertThat(keyed.out()).startsWith(arg(b) + ": radiogram No. 900: ALARM: pad book 1949 sheet"
        + " 2 is also used by radiogram No. 1 (" + arg(a) + "): a pad sheet used twice\n");
  }

  @Test
  void check_wrongGroupCountAndUnreadableGroups_exit1(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("r.txt");
    Files.writeString(f, "7 5 13 1640 ОБЫКНОВЕННАЯ =\n12345 6?890 11111 00713\n\n"
        + "8 4 13 1640 ОБЫКНОВЕННАЯ =\n12345 22222 33333 00813\n");
    CliRun.Result r = CliRun.run("telegram", "check", arg(f)).exits(ExitCodes.FAILURE);
    assertThat(r.out()).isEqualTo(
        arg(f) + ": radiogram No. 7: the header declares 5 groups, 4 were received\n"
            + arg(f) + ": radiogram No. 7: group 2 is unreadable\n"
            + arg(f) + ": radiogram No. 8: ALARM: indicator 12345 was already used by radiogram"
            + " No. 7 (" + arg(f) + "): a pad sheet used twice\n"
            + arg(f) + ": radiogram No. 7, 4 groups: 2 problems\n"
            + arg(f) + ": radiogram No. 8, 4 groups: 1 problem\n"
            + "checked 2 radiograms in 1 file: 3 problems (structure only: give --codebook and"
            + " --pads to check sheets and parts)\n");
  }

  @Test
  void check_serialGroupAndDuplicateNumbers_exit1(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("r.txt");
    Files.writeString(f, "7 4 13 1640 ОБЫКНОВЕННАЯ =\n12345 11111 22222 00715\n\n"
        + "7 4 13 1640 ОБЫКНОВЕННАЯ =\n54321 11111 22222 00713\n");
    CliRun.Result r = CliRun.withStdin(Files.readString(f), "telegram", "check")
        .exits(ExitCodes.FAILURE);
    assertThat(r.out()).contains("<stdin>: radiogram No. 7: the serial/date group 00715 does not"
        + " match the header (number 7, day 13 in Moscow)\n")
        .contains("<stdin>: radiogram No. 7: the number is used by two different radiograms");
  }

  @Test
  void check_withKeys_reportsMissingParts_exit1(@TempDir Path dir) throws Exception {
    Keys k = Keys.make(dir, 40);
    String all = CliRun.withStdin(Scenario1949.message(), k.encodeArgs("--serial", "15",
        "--max-groups", "200", "-")).exits(ExitCodes.OK).out();
    String[] radiograms = all.split("\n\n");
    Path f = dir.resolve("some.txt");
    radiograms[1] = "";
    Files.writeString(f, String.join("\n\n", radiograms));
    String[] args = Keys.concat(new String[] {"telegram", "check"},
        Keys.concat(k.keyArgs(), new String[] {arg(f)}));
    CliRun.Result r = CliRun.run(args).exits(ExitCodes.FAILURE);
    assertThat(r.out()).startsWith("decipher: message No. 15: part 2 of " + radiograms.length
        + " (No. 16) is missing\n" + arg(f) + ": radiogram No. 15, 200 groups: well\n")
        .endsWith("\nchecked " + (radiograms.length - 1) + " radiograms in 1 file: 1 problem\n");
  }

  @Test
  void check_codebookWithoutPads_exit2(@TempDir Path dir) {
    Keys k = Keys.make(dir, 1);
    assertThat(CliRun.run("telegram", "check", "--codebook", arg(k.codebook()))
        .exits(ExitCodes.USAGE).err()).contains("--codebook and --pads go together");
  }

  @Test
  void check_malformedFile_exit3(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("r.txt");
    Files.writeString(f, "hello\n");
    assertThat(CliRun.run("telegram", "check", arg(f)).exits(ExitCodes.BAD_DATA).err())
        .startsWith("error: " + arg(f) + ":1:1: expected a header");
  }
}
