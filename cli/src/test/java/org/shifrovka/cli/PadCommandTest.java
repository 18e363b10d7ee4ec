package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shifrovka.cli.CliRun.arg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shifrovka.pad.PadBook;

/** {@code shifrovka pad generate} and {@code pad status}. */
class PadCommandTest {

  @Test
  void generate_withoutSeed_isSecure_noWarning() throws Exception {
    CliRun.Result r = CliRun.run("pad", "generate", "--sheets", "3").exits(ExitCodes.OK);
    PadBook book = PadBook.parse(r.out(), "out");
    assertThat(book.insecure()).isFalse();
    assertThat(book.generator()).isEqualTo("sp800-90a-hmac-drbg-sha512");
    assertThat(book.sheetCount()).isEqualTo(3);
    assertThat(book.groupsPerSheet()).isEqualTo(60);
    assertThat(book.id()).matches("[0-9]{5}");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void generate_withSeed_warnsAndIsReproducible() throws Exception {
    CliRun.Result a = CliRun.run("pad", "generate", "--sheets", "2", "--groups-per-sheet", "10",
        "--seed", "5", "--book", "A-1").exits(ExitCodes.OK);
    CliRun.Result b = CliRun.run("pad", "generate", "--sheets", "2", "--groups-per-sheet", "10",
        "--seed", "5", "--book", "A-1").exits(ExitCodes.OK);
    assertThat(a.out()).isEqualTo(b.out());
    assertThat(a.err()).startsWith("warning: --seed makes the pad reproducible and INSECURE");
    PadBook book = PadBook.parse(a.out(), "out");
    assertThat(book.insecure()).isTrue();
    assertThat(book.id()).isEqualTo("A-1");
    assertThat(book.groupsPerSheet()).isEqualTo(10);
  }

  @Test
  void generate_toFile_isOwnerOnly(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("pads.txt");
    CliRun.Result r = CliRun.run("pad", "generate", "--sheets", "2", "--book", "77", "-o", arg(f))
        .exits(ExitCodes.OK);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("pad book 77: 2 sheets of 60 groups written to " + arg(f)
        + ", its ledger to " + arg(f) + ".ledger\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
        dir.resolve("pads.txt.ledger")))).isEqualTo("rw-------");
    assertThat(Files.readString(dir.resolve("pads.txt.ledger"))).contains("\npad 77 sha256:");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
        .isEqualTo("rw-------");
    assertThat(PadBook.parse(Files.readString(f), "f").sheetCount()).isEqualTo(2);
    CliRun.run("pad", "generate", "--sheets", "2", "-o", arg(f)).exits(ExitCodes.USAGE);
  }

  @Test
  void generate_badValues_exit2() {
    assertThat(CliRun.run("pad", "generate", "--sheets", "0").exits(ExitCodes.USAGE).err())
        .startsWith("error: --sheets must be 1-100000, got 0");
    assertThat(CliRun.run("pad", "generate", "--sheets", "1", "--groups-per-sheet", "1")
        .exits(ExitCodes.USAGE).err()).contains("--groups-per-sheet must be 2-10000");
    assertThat(CliRun.run("pad", "generate", "--sheets", "1", "--book", "a b")
        .exits(ExitCodes.USAGE).err()).contains("--book must be");
    assertThat(CliRun.run("pad", "generate").exits(ExitCodes.USAGE).err())
        .contains("Missing required option: '--sheets=<n>'");
  }

  @Test
  void status_countsUsedAndLeftSheets_andChangesNoFile(@TempDir Path dir)
      throws Exception {
    Keys k = Keys.make(dir, 5);
    String ledger = Files.readString(k.ledger());
    List<String> before;
    try (var files = Files.list(dir)) {
      before = files.map(p -> p.getFileName().toString()).sorted().toList();
    }
    CliRun.Result fresh = CliRun.run("pad", "status", "--pads", arg(k.pads()))
        .exits(ExitCodes.OK);
    assertThat(fresh.out()).isEqualTo("pad book 1949: 5 sheets of 60 groups (seeded: INSECURE)\n"
        + "used: 0\nleft: 5 (1-5)\n");
    assertThat(Files.readString(k.ledger())).isEqualTo(ledger);
    try (var files = Files.list(dir)) { // no new file, no lock file either
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .isEqualTo(before);
    }
    // a mistyped ledger is an error, never "used: 0"
    CliRun.Result typo = CliRun.run("pad", "status", "--pads", arg(k.pads()), "--ledger",
        arg(dir.resolve("ledgr.txt"))).exits(ExitCodes.USAGE);
    assertThat(typo.err()).contains("no ledger at " + arg(dir.resolve("ledgr.txt")));
    assertThat(dir.resolve("ledgr.txt")).doesNotExist();

    CliRun.withStdin("one", k.encodeArgs("--serial", "1", "-")).exits(ExitCodes.OK);
    CliRun.withStdin("two", k.encodeArgs("--serial", "2", "-")).exits(ExitCodes.OK);
    CliRun.Result used = CliRun.run("pad", "status", "--pads", arg(k.pads()), "--ledger",
        arg(k.ledger())).exits(ExitCodes.OK);
    assertThat(used.out()).isEqualTo("pad book 1949: 5 sheets of 60 groups (seeded: INSECURE)\n"
        + "used: 2 (1-2)\nleft: 3 (3-5)\n");
  }
}
