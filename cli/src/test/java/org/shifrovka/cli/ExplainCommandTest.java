package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shifrovka.lesson.StageId;

/** {@code shifrovka explain}, and the golden file of every stage of the 1949 message. */
class ExplainCommandTest {
  private static final Path GOLDEN = Paths.get("src/test/resources/golden/stages");

  @Test
  void englishText_everyStage_exit0() {
    CliRun.Result r = CliRun.withStdin("Comrade Filippov, I received your telegram of January 10."
        + " Xzylovsky sends his regards.", "explain").exits(ExitCodes.OK);
    for (StageId id : StageId.values()) {
      assertThat(r.out()).contains("[" + id.id() + "]");
    }
    assertThat(r.out()).contains("COMRADE FILIPPOV COMMA I RECEIVED YOUR TELEGRAM")
        .contains("The codebook has no group for XZYLOVSKY");
    assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
  }

  @Test
  void russianText_usesARussianBook() {
    CliRun.Result r = CliRun.withStdin("Товарищ Филиппов, телеграмму получил.", "explain",
        "--stage", "telegraphese").exits(ExitCodes.OK);
    assertThat(r.out()).contains("ЗПТ").contains("ТЧК for a full stop");
  }

  @Test
  void ownKeys_reserveTheSheetsInTheLedger(@TempDir Path dir) throws Exception {
    CliRun.run("codebook", "generate", "--lang", "en", "--seed", "42", "-o",
        CliRun.arg(dir.resolve("book.txt"))).exits(ExitCodes.OK);
    CliRun.run("pad", "generate", "--sheets", "5", "--seed", "1", "-o",
        CliRun.arg(dir.resolve("pads.txt"))).exits(ExitCodes.OK);
    String[] args = {"explain", "--codebook", CliRun.arg(dir.resolve("book.txt")), "--pads",
        CliRun.arg(dir.resolve("pads.txt")), "--ledger", CliRun.arg(dir.resolve("ledger.txt")),
        "--json"};
    CliRun.Result first = CliRun.withStdin("Comrade Filippov.", args).exits(ExitCodes.OK);
    assertThat(first.out()).contains("\"seed\": null");
    CliRun.Result status = CliRun.run("pad", "status", "--pads",
        CliRun.arg(dir.resolve("pads.txt")), "--ledger", CliRun.arg(dir.resolve("ledger.txt")));
    assertThat(status.out()).contains("used: 1 (1)");
    CliRun.Result second = CliRun.withStdin("Comrade Filippov.", args).exits(ExitCodes.OK);
    assertThat(second.out()).isNotEqualTo(first.out()); // sheet 2 now
  }

  @Test
  void ownKeys_allThreeOrNone_exit2() {
    CliRun.Result r = CliRun.withStdin("x", "explain", "--codebook", "book.txt")
        .exits(ExitCodes.USAGE);
    assertThat(r.err()).contains("--codebook, --pads and --ledger go together");
  }

  @Test
  void textNoTableCarries_isExit3_withItsPosition() {
    CliRun.Result r = CliRun.withStdin("Comrade\nFilippov 😀", "explain", "--unknown", "refuse")
        .exits(ExitCodes.BAD_DATA);
    assertThat(r.err()).contains("2:10");
    // by default it is spelled by its Unicode name
    assertThat(CliRun.withStdin("Comrade\nFilippov 😀", "explain", "--stage", "telegraphese")
        .exits(ExitCodes.OK).out()).contains("COMRADE FILIPPOV GRINNING FACE");
  }

  @Test
  void everyStageOfThe1949Message_matchesItsGoldenFile() throws Exception {
    for (StageId id : StageId.values()) {
      String actual = CliRun.run("demo", "--stage", id.id(), "--full").exits(ExitCodes.OK).out();
      Path golden = GOLDEN.resolve(String.format("%02d-%s.txt", id.ordinal() + 1, id.id()));
      if (Boolean.getBoolean("shifrovka.updateGolden") || !Files.exists(golden)) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
      }
      assertThat(actual).as(golden.toString())
          .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
  }
}
