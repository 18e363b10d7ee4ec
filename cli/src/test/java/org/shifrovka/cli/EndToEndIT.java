package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.text.Language;
import org.shifrovka.text.Telegraphese;

/**
 * The shaded jar, run in separate JVMs: pad and codebook generation, encode piped into decode, a
 * check over several encodes, and the refusal of an exhausted pad.
 */
class EndToEndIT {
  private static final String KEYS_EN = "--codebook codebook-en.txt --pads pads.txt";
  private static final String KEYS_RU = "--codebook codebook-ru.txt --pads pads.txt";
  private static final String RUSSIAN = "Товарищ Филиппов!\n\nВаша телеграмма от 10 января"
      + " получена. Ответ «Нанкину» — завтра, 14-го.\n";

  @TempDir static Path shared;

  @BeforeAll
  static void keys() throws Exception {
    Jar.run(shared, null, "codebook", "generate", "--lang", "en", "--seed", "1", "-o",
        "codebook-en.txt").exits(0);
    Jar.run(shared, null, "codebook", "generate", "--lang", "ru", "--style", "one-part", "-o",
        "codebook-ru.txt").exits(0);
    Jar.Result pad = Jar.run(shared, null, "pad", "generate", "--sheets", "40", "-o", "pads.txt")
        .exits(0);
    assertThat(pad.err()).startsWith("pad book ").doesNotContain("warning");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
        shared.resolve("pads.txt")))).isEqualTo("rw-------");
    Files.writeString(shared.resolve("mao.txt"), Scenario1949.message());
    Files.writeString(shared.resolve("russian.txt"), RUSSIAN);
  }

  @Test
  void the1949Message_encodePipedIntoDecode_roundTrips_inParts() throws Exception {
    Jar.Result r = Jar.bash(shared, "shifrovka encode " + KEYS_EN + " --ledger ledger-1949.txt"
        + " --for FILIPPOV --serial 15 --precedence urgent --date 1949-01-13T21:40"
        + " --max-groups 150 - < mao.txt | tee radiograms-1949.txt"
        + " | shifrovka decode " + KEYS_EN + " -", false).exits(0);
    assertThat(r.out()).isEqualTo(Telegraphese.of(Language.ENGLISH)
        .normalize(Scenario1949.message(), "m") + "\n");
    assertThat(r.err()).isEmpty();
    assertThat(Files.readString(shared.resolve("radiograms-1949.txt")))
        .startsWith("15 ").contains(" 13 1640 СРОЧНАЯ =\n").contains("\n\n16 ");
  }

  @Test
  void aRussianText_roundTrips() throws Exception {
    Jar.Result r = Jar.bash(shared, "shifrovka encode " + KEYS_RU + " --ledger ledger-ru.txt"
        + " russian.txt | shifrovka decode " + KEYS_RU, false).exits(0);
    assertThat(r.out()).isEqualTo("ТОВАРИЩ ФИЛИППОВ ВСКЛ\n\nВАША ТЕЛЕГРАММА ОТ 10 ЯНВАРЯ ПОЛУЧЕНА"
        + " ТЧК ОТВЕТ КВЧ НАНКИНУ КВЧ ТИРЕ ЗАВТРА ЗПТ 14-ГО ТЧК\n");
    assertThat(r.out()).isEqualTo(Telegraphese.of(Language.RUSSIAN).normalize(RUSSIAN, "r")
        + "\n");
  }

  @Test
  void repeatedEncodes_withOnePadAndLedger_neverShareASheet(@TempDir Path dir) throws Exception {
    Jar.Result r = Jar.bash(dir, "cp '" + shared.resolve("codebook-en.txt") + "' '"
        + shared.resolve("pads.txt") + "' '" + shared.resolve("mao.txt") + "' .\n"
        + "keys='--codebook codebook-en.txt --pads pads.txt --ledger ledger.txt'\n"
        + "echo 'First.' | shifrovka encode $keys --serial 1 > a.txt\n"
        + "shifrovka encode $keys --serial 2 mao.txt > b.txt\n"
        + "echo 'Third.' | shifrovka encode $keys --serial 3 --format json > c.json\n"
        + "shifrovka telegram check --codebook codebook-en.txt --pads pads.txt"
        + " a.txt b.txt c.json", true).exits(0);
    assertThat(r.out()).endsWith("\nchecked 3 radiograms in 3 files: all well\n");
    assertThat(r.out().lines().filter(l -> l.endsWith(" groups: well"))).hasSize(3);
    assertThat(Files.readString(dir.resolve("ledger.txt")).lines()
        .filter(l -> l.matches("[0-9]+ [0-9]+ .*"))).hasSizeGreaterThan(3);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
        dir.resolve("ledger.txt")))).isEqualTo("rw-------");
  }

  @Test
  void anExhaustedPad_refusesWithExit4_leavingLedgerAndEarlierOutputsIntact(@TempDir Path dir)
      throws Exception {
    Jar.run(dir, null, "codebook", "generate", "--seed", "1", "-o", "codebook.txt").exits(0);
    Jar.run(dir, null, "pad", "generate", "--sheets", "2", "--book", "SMALL", "-o", "pads.txt")
        .exits(0);
    String encode = "shifrovka encode --codebook codebook.txt --pads pads.txt"
        + " --ledger ledger.txt";
    Jar.bash(dir, "echo One. | " + encode + " --serial 1 > one.txt\n"
        + "echo Two. | " + encode + " --serial 2 > two.txt", false).exits(0);
    byte[] ledger = Files.readAllBytes(dir.resolve("ledger.txt"));
    byte[] one = Files.readAllBytes(dir.resolve("one.txt"));
    byte[] two = Files.readAllBytes(dir.resolve("two.txt"));

    Files.writeString(dir.resolve("three.txt"), "Three.");
    Jar.Result refused = Jar.run(dir, dir.resolve("three.txt"), "encode", "--codebook",
        "codebook.txt", "--pads", "pads.txt", "--ledger", "ledger.txt", "--serial", "3", "-")
        .exits(ExitCodes.SECURITY);
    assertThat(refused.out()).isEmpty();
    assertThat(refused.err()).isEqualTo("error: pad book SMALL is exhausted: the telegram needs"
        + " 1 sheet, 0 of 2 sheets are left unused\n");
    assertThat(Files.readAllBytes(dir.resolve("ledger.txt"))).isEqualTo(ledger);
    assertThat(Files.readAllBytes(dir.resolve("one.txt"))).isEqualTo(one);
    assertThat(Files.readAllBytes(dir.resolve("two.txt"))).isEqualTo(two);
  }

  @Test
  void help_listsAllCommandsWithOneLineDescriptions() throws Exception {
    Jar.Result r = Jar.run(shared, null, "--help").exits(0);
    for (String c : new String[] {"codebook", "pad", "encode", "decode", "telegram", "demo",
        "generate-completion"}) {
      assertThat(r.out()).containsPattern("(?m)^  " + c + " +[A-Z][^\\n]*$");
    }
  }
}
