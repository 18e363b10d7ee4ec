package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shifrovka.cli.CliRun.arg;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code encode --system ...} piped into {@code decode --system ...}, one test per system. */
class SystemsRoundTripTest {

  @Test
  void ctcPad_chineseTextComesBack(@TempDir Path dir) throws Exception {
    Keys k = Keys.make(dir, 20);
    Path msg = dir.resolve("mao.txt");
    Files.writeString(msg, "毛澤東致斯大林同志\n電報\n");
    Path radiograms = dir.resolve("radiograms.txt");
    String out = CliRun.run(k.encodeArgs("--system", "ctc+pad", "--for", "FILIPPOV", arg(msg)))
        .exits(ExitCodes.OK).out();
    assertThat(out).doesNotContain("3029 3419");
    Files.writeString(radiograms, out);
    CliRun.Result back = CliRun.run(k.decodeArgs("--system", "ctc+pad",
        arg(radiograms))).exits(ExitCodes.OK);
    assertThat(back.out()).isEqualTo("毛澤東致斯大林同志電報\n");
  }

  @Test
  void ctcPad_mainlandTable(@TempDir Path dir) throws Exception {
    Keys k = Keys.make(dir, 20);
    String out = CliRun.withStdin("毛泽东", k.encodeArgs("--system", "ctc+pad", "--table",
        "mainland")).exits(ExitCodes.OK).out();
    assertThat(CliRun.withStdin(out, k.decodeArgs("--system", "ctc+pad",
        "--table", "mainland")).exits(ExitCodes.OK).out()).isEqualTo("毛泽东\n");
  }

  @Test
  void ctcPad_missingCharacter_isPositionedError_exit3_andNoSheetUsed(@TempDir Path dir)
      throws Exception {
    Keys k = Keys.make(dir, 20);
    Path msg = dir.resolve("mao.txt");
    Files.writeString(msg, "毛澤東\n毛泽东\n");
    byte[] ledger = Files.readAllBytes(k.ledger());
    CliRun.Result r = CliRun.run(k.encodeArgs("--system", "ctc+pad", arg(msg)))
        .exits(ExitCodes.BAD_DATA);
    assertThat(r.err()).isEqualTo("error: " + arg(msg) + ":2:2: '泽' (U+6CFD) is not in the"
        + " traditional Chinese telegraph code\n");
    assertThat(r.out()).isEmpty();
    assertThat(Files.readAllBytes(k.ledger())).isEqualTo(ledger);
  }

  @Test
  void checkerboardDoubleTransposition_roundTrips() {
    String[] keys = {"--system", "checkerboard+double-transposition", "--key1", "ZEBRAS",
      "--key2", "STRIPE"};
    String groups = CliRun.withStdin("We are discovered. Flee at once 1949\n",
        Keys.concat(new String[] {"encode"}, keys)).exits(ExitCodes.OK).out();
    assertThat(groups).matches("([0-9]{5} ){9}[0-9]{5}\n[0-9]{1,5}\n");
    assertThat(CliRun.withStdin(groups, Keys.concat(new String[] {"decode"}, keys))
        .exits(ExitCodes.OK).out()).isEqualTo("WEAREDISCOVERED.FLEEATONCE1949\n");
    assertThat(CliRun.withStdin("ПРИВЕТ", Keys.concat(new String[] {"encode", "--board",
        "russian"}, keys)).exits(ExitCodes.OK).out()).isNotEmpty();
  }

  @Test
  void checkerboardDoubleTransposition_needsBothKeys_andRefusesUnknownCharacters() {
    CliRun.Result r = CliRun.withStdin("ATTACK", "encode", "--system",
        "checkerboard+double-transposition", "--key1", "ZEBRAS").exits(ExitCodes.USAGE);
    assertThat(r.err()).contains("needs --key1 and --key2");
    CliRun.Result bad = CliRun.withStdin("ATTACK, NOW", "encode", "--system",
        "checkerboard+double-transposition", "--key1", "A", "--key2", "B")
        .exits(ExitCodes.BAD_DATA);
    assertThat(bad.err()).isEqualTo("error: <stdin>:1:7: ',' (U+002C) is not on the"
        + " checkerboard\n");
    assertThat(CliRun.withStdin("x", "encode").exits(ExitCodes.USAGE).err())
        .contains("--system codebook+pad needs --codebook and --pads");
  }

  @Test
  void checkerboardPad_roundTrips_withoutACodebook_andUsesTheLedger(@TempDir Path dir)
      throws Exception {
    Keys k = Keys.make(dir, 20);
    String[] encode = {"encode", "--system", "checkerboard+pad", "--pads", arg(k.pads()),
      "--ledger", arg(k.ledger()), "--for", "FILIPPOV"};
    String radiograms = CliRun.withStdin("Attack at dawn. Meet at 1949\n", encode)
        .exits(ExitCodes.OK).out();
    assertThat(radiograms).doesNotContain("ATTACK");
    String[] decode = {"decode", "--system", "checkerboard+pad", "--pads", arg(k.pads())};
    assertThat(CliRun.withStdin(radiograms, decode).exits(ExitCodes.OK).out())
        .isEqualTo("ATTACKATDAWN.MEETAT1949\n");
    // the ledger gave the sheet away: the same text again goes on the next sheet
    String again = CliRun.withStdin("Attack at dawn. Meet at 1949\n", encode)
        .exits(ExitCodes.OK).out();
    assertThat(again).isNotEqualTo(radiograms);
    assertThat(CliRun.withStdin(again, decode).exits(ExitCodes.OK).out())
        .isEqualTo("ATTACKATDAWN.MEETAT1949\n");
  }

  @Test
  void checkerboardPad_russianBoard_roundTrips(@TempDir Path dir) throws Exception {
    Keys k = Keys.make(dir, 20);
    String radiograms = CliRun.withStdin("Снегопад, 13 января", "encode", "--system",
        "checkerboard+pad", "--board", "russian", "--pads", arg(k.pads()), "--ledger",
        arg(k.ledger())).exits(ExitCodes.OK).out();
    assertThat(CliRun.withStdin(radiograms, "decode", "--system", "checkerboard+pad", "--board",
        "russian", "--pads", arg(k.pads())).exits(ExitCodes.OK).out())
        .isEqualTo("СНЕГОПАД,13ЯНВАРЯ\n");
  }

  @Test
  void checkerboardPad_needsPads_refusesArchival_andReportsAGarbledGroup(@TempDir Path dir)
      throws Exception {
    assertThat(CliRun.withStdin("x", "encode", "--system", "checkerboard+pad")
        .exits(ExitCodes.USAGE).err()).contains("--system checkerboard+pad needs --pads");
    Keys k = Keys.make(dir, 20);
    assertThat(CliRun.withStdin("x", "encode", "--system", "checkerboard+pad", "--pads",
        arg(k.pads()), "--ledger", arg(k.ledger()), "--format", "archival")
        .exits(ExitCodes.USAGE).err()).contains("--format archival needs a codebook");
    String radiograms = CliRun.withStdin("ATTACK AT DAWN", "encode", "--system",
        "checkerboard+pad", "--pads", arg(k.pads()), "--ledger", arg(k.ledger()))
        .exits(ExitCodes.OK).out();
    String[] lines = radiograms.split("\n");
    String[] groups = lines[1].split(" ");
    groups[1] = "1?345";
    lines[1] = String.join(" ", groups);
    CliRun.Result r = CliRun.withStdin(String.join("\n", lines) + "\n", "decode", "--system",
        "checkerboard+pad", "--pads", arg(k.pads())).exits(ExitCodes.FAILURE);
    assertThat(r.out()).contains("garbled]");
    assertThat(r.err()).contains("1 digit garbled; ask for a repeat of groups [2]");
  }
}
