package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shifrovka.CipherSystem;
import org.shifrovka.lesson.Stage;
import org.shifrovka.lesson.SystemStageId;
import org.shifrovka.lesson.Walkthrough;

/**
 * {@code shifrovka explain --system X}: every system's stages, each matching its golden file
 * ({@code golden/systems/SYSTEM/NN-id.txt}; {@code -Dshifrovka.updateGolden=true} rewrites them).
 */
class ExplainSystemsTest {
  private static final Path GOLDEN = Paths.get("src/test/resources/golden/systems");
  private static final String[] HAND_KEYS = {"--key1", "ZEBRAS", "--key2", "STRIPE"};

  private static void matchesGolden(CipherSystem system, String message, List<Stage.Id> ids,
      String... more) throws Exception {
    List<Stage.Id> all = Walkthrough.stageIds(system);
    for (Stage.Id id : ids) {
      String[] args = Keys.concat(new String[] {"explain", "--system", system.label(),
        "--stage", id.id(), "--full"}, more);
      String actual = CliRun.withStdin(message, args).exits(ExitCodes.OK).out();
      Path golden = GOLDEN.resolve(system.label()).resolve(String.format("%02d-%s.txt",
          all.indexOf(id) + 1, id.id()));
      if (Boolean.getBoolean("shifrovka.updateGolden") || !Files.exists(golden)) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
      }
      assertThat(actual).as(golden.toString())
          .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
  }

  @Test
  void checkerboardPad_everyStage_matchesItsGoldenFile() throws Exception {
    matchesGolden(CipherSystem.CHECKERBOARD_PAD, "Attack at dawn. Meet at the bridge 1949.",
        Walkthrough.stageIds(CipherSystem.CHECKERBOARD_PAD));
  }

  @Test
  void checkerboardDoubleTransposition_everyStage_matchesItsGoldenFile() throws Exception {
    matchesGolden(CipherSystem.CHECKERBOARD_DOUBLE_TRANSPOSITION,
        "We are discovered. Flee at once 1949", Walkthrough.stageIds(
            CipherSystem.CHECKERBOARD_DOUBLE_TRANSPOSITION), HAND_KEYS);
  }

  private static final String[] VIC_KEYS = {"--board", "russian", "--phrase",
    "ТОЛЬКО СЛЫШНО НА УЛИЦЕ ГДЕ-ТО", "--key-date", "391945", "--personal-number", "13",
    "--keygroup", "20818"};

  @Test
  void vic_everyStage_matchesItsGoldenFile() throws Exception {
    matchesGolden(CipherSystem.VIC, "Прибыл в Москву 13 января. Связь через тайник",
        Walkthrough.stageIds(CipherSystem.VIC), VIC_KEYS);
  }

  @Test
  void vic_keygroupFromTheSeed_andTheStandingKeysRequired() {
    String[] noGroup = java.util.Arrays.copyOf(VIC_KEYS, VIC_KEYS.length - 2);
    String a = CliRun.withStdin("ЦЕНТР", Keys.concat(new String[] {"explain", "--system", "vic",
      "--stage", "keygroup"}, noGroup)).exits(ExitCodes.OK).out();
    assertThat(CliRun.withStdin("ЦЕНТР", Keys.concat(new String[] {"explain", "--system", "vic",
      "--stage", "keygroup"}, noGroup)).exits(ExitCodes.OK).out()).isEqualTo(a);
    assertThat(CliRun.withStdin("ЦЕНТР", "explain", "--system", "vic").exits(ExitCodes.USAGE)
        .err()).contains("--system vic needs --phrase, --key-date and --personal-number");
  }

  @Test
  void ctcPad_theTelegraphCodeStages_matchTheirGoldenFiles() throws Exception {
    // the office's 14 stages between them are those of golden/stages, for the code groups
    matchesGolden(CipherSystem.CTC_PAD, "毛澤東致斯大林", List.of(SystemStageId.TELEGRAPH_CODE,
        SystemStageId.TELEGRAPH_CODE_READ));
  }

  @Test
  void everySystem_allStagesPrinted_delivered_exit0_in80Columns() {
    CliRun.Result ctc = CliRun.withStdin("毛澤東致斯大林", "explain", "--system", "ctc+pad")
        .exits(ExitCodes.OK);
    assertThat(ctc.out()).contains("1/16 The Chinese telegraph code").contains("[telegraphese]")
        .contains("16/16 The telegraph code read back");
    CliRun.Result board = CliRun.withStdin("Снегопад 13 января", "explain", "--system",
        "checkerboard+pad", "--board", "russian").exits(ExitCodes.OK);
    assertThat(board.out()).contains("[checkerboard]").contains("[additive]")
        .contains("СНЕГОПАД13ЯНВАРЯ").contains("this one exactly as in the VIC cipher");
    CliRun.Result hand = CliRun.withStdin("Attack at dawn", Keys.concat(new String[] {"explain",
      "--system", "checkerboard+double-transposition"}, HAND_KEYS)).exits(ExitCodes.OK);
    assertThat(hand.out()).contains("5/5 The checkerboard read back").contains("ATTACKATDAWN");
    for (CliRun.Result r : List.of(ctc, board, hand)) {
      assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length())
          .isLessThanOrEqualTo(80));
    }
  }

  @Test
  void listStages_json_andAStageTheSystemLacks() {
    assertThat(CliRun.withStdin("x", "explain", "--system", "checkerboard+pad", "--list-stages")
        .exits(ExitCodes.OK).out()).startsWith(" 1  checkerboard").contains("10  checkerboard-read");
    assertThat(CliRun.withStdin("ATTACK", "explain", "--system", "checkerboard+pad", "--json")
        .exits(ExitCodes.OK).out()).contains("\"system\": \"checkerboard+pad\"")
        .contains("\"id\": \"checkerboard-read\"");
    CliRun.Result r = CliRun.withStdin("ATTACK", "explain", "--system", "checkerboard+pad",
        "--stage", "spell").exits(ExitCodes.USAGE);
    assertThat(r.err()).contains("no stage \"spell\" in checkerboard+pad (stages: checkerboard,"
        + " regroup, pad-sheet");
  }

  @Test
  void keysTheSystemDoesNotUse_areRefused(@TempDir Path dir) {
    assertThat(CliRun.withStdin("x", "explain", "--system",
        "checkerboard+double-transposition").exits(ExitCodes.USAGE).err())
        .contains("needs --key1 and --key2");
    assertThat(CliRun.withStdin("x", Keys.concat(new String[] {"explain", "--system",
      "checkerboard+double-transposition", "--pads", "p.txt"}, HAND_KEYS))
        .exits(ExitCodes.USAGE).err()).contains("uses no codebook and no pad");
    assertThat(CliRun.withStdin("x", "explain", "--system", "checkerboard+pad", "--codebook",
        "b.txt").exits(ExitCodes.USAGE).err()).contains("uses no codebook");
    Keys k = Keys.make(dir, 5);
    CliRun.Result own = CliRun.withStdin("ATTACK AT DAWN", "explain", "--system",
        "checkerboard+pad", "--pads", CliRun.arg(k.pads()), "--json").exits(ExitCodes.OK);
    assertThat(own.out()).contains("\"seed\": null");
    assertThat(CliRun.run("pad", "status", "--pads", CliRun.arg(k.pads())).out())
        .contains("used: 1 (1)");
  }
}
