package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shifrovka.cli.CliRun.arg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.codebook.CodebookStyle;
import org.shifrovka.codebook.Vocabulary;
import org.shifrovka.text.Language;

/** {@code shifrovka codebook generate} and {@code lookup}. */
class CodebookCommandTest {

  @Test
  void generate_withSeed_printsTheSameBookAsTheLibrary() {
    CliRun.Result r = CliRun.run("codebook", "generate", "--lang", "ru", "--style", "one-part",
        "--seed", "7").exits(ExitCodes.OK);
    Codebook expected = Codebook.generate(Vocabulary.builtIn(Language.RUSSIAN),
        CodebookStyle.ONE_PART, 7);
    assertThat(r.out()).isEqualTo(expected.render());
    assertThat(r.err()).isEmpty();
  }

  @Test
  void generate_withoutSeed_drawsARandomSeedAndRecordsIt() {
    String a = CliRun.run("codebook", "generate").exits(ExitCodes.OK).out();
    String b = CliRun.run("codebook", "generate").exits(ExitCodes.OK).out();
    assertThat(a).startsWith("SHIFROVKA CODEBOOK 1\nlanguage en\nstyle two-part\nseed ");
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void generate_toFile_isOwnerOnly_andRefusesToOverwriteWithoutForce(@TempDir Path dir)
      throws Exception {
    Path f = dir.resolve("codebook.txt");
    CliRun.run("codebook", "generate", "--seed", "1", "-o", arg(f)).exits(ExitCodes.OK);
    String first = Files.readString(f);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
        .isEqualTo("rw-------");

    CliRun.Result again = CliRun.run("codebook", "generate", "--seed", "2", "-o", arg(f))
        .exits(ExitCodes.USAGE);
    assertThat(again.err()).isEqualTo("error: " + arg(f)
        + " exists; choose another file or give --force to replace it\n");
    assertThat(Files.readString(f)).isEqualTo(first);

    CliRun.run("codebook", "generate", "--seed", "2", "-o", arg(f), "--force")
        .exits(ExitCodes.OK);
    assertThat(Files.readString(f)).isNotEqualTo(first).contains("\nseed 2\n");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(f); // no temporary file left behind
    }
  }

  @Test
  void lookup_worksInBothDirections(@TempDir Path dir) {
    Keys k = Keys.make(dir, 1);
    Codebook book = Codebook.generate(Vocabulary.builtIn(Language.ENGLISH),
        CodebookStyle.TWO_PART, 42);
    String comrade = Codebook.format(book.code("COMRADE").getAsInt());
    String nanjing = Codebook.format(book.code("NANJING GOVERNMENT").getAsInt());

    CliRun.Result words = CliRun.run("codebook", "lookup", "--codebook", arg(k.codebook()),
        "comrade", "Nanjing government.").exits(ExitCodes.OK);
    assertThat(words.out()).isEqualTo(comrade + "\tCOMRADE\n" + nanjing + "\tNANJING GOVERNMENT\n"
        + Codebook.format(book.code("STOP").getAsInt()) + "\tSTOP\n");

    CliRun.Result codes = CliRun.run("codebook", "lookup", "--codebook", arg(k.codebook()),
        comrade, nanjing).exits(ExitCodes.OK);
    assertThat(codes.out()).isEqualTo(comrade + "\tCOMRADE\n" + nanjing
        + "\tNANJING GOVERNMENT\n");
  }

  @Test
  void lookup_wordNotInTheBook_isSpelled(@TempDir Path dir) {
    Keys k = Keys.make(dir, 1);
    CliRun.Result r = CliRun.run("codebook", "lookup", "--codebook", arg(k.codebook()),
        "Zzyzx").exits(ExitCodes.OK);
    assertThat(r.out()).matches("[0-9]{4}( [0-9]{2}){6}\tZZYZX\n");
  }

  @Test
  void lookup_unknownCode_exit3(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("small.txt");
    // a one-part book of the built-in vocabulary leaves gaps between codes
    CliRun.run("codebook", "generate", "--style", "one-part", "--seed", "1", "-o", arg(f))
        .exits(ExitCodes.OK);
    Codebook book = Codebook.parse(Files.readString(f), "small.txt");
    int unassigned = 0;
    while (book.entry(unassigned).isPresent()) {
      unassigned++;
    }
    String code = Codebook.format(unassigned);
    CliRun.Result r = CliRun.run("codebook", "lookup", "--codebook", arg(f), code)
        .exits(ExitCodes.BAD_DATA);
    assertThat(r.err()).isEqualTo("error: " + arg(f) + ": no entry for code group " + code
        + "\n");
  }

  @Test
  void lookup_malformedCodebook_namesFileAndLine_exit3(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bad.txt");
    Files.writeString(f, "SHIFROVKA CODEBOOK 1\nlanguage xx\n");
    CliRun.Result r = CliRun.run("codebook", "lookup", "--codebook", arg(f), "A")
        .exits(ExitCodes.BAD_DATA);
    assertThat(r.err()).startsWith("error: " + arg(f) + ":2:").doesNotContain("\tat ");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void lookup_characterNoTableCarries_exit3(@TempDir Path dir) {
    Keys k = Keys.make(dir, 1);
    CliRun.Result r = CliRun.run("codebook", "lookup", "--codebook", arg(k.codebook()),
        "tea \u2615").exits(ExitCodes.BAD_DATA);
    assertThat(r.err()).startsWith("error: <argument \"tea \u2615\">:1:5:");
  }
}
