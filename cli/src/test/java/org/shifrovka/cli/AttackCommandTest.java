package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shifrovka.cli.CliRun.arg;
import static org.shifrovka.cli.CliRun.run;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttackCommandTest {
  @TempDir Path dir;

  @Test
  void readsADepthWithTheCapturedCodebookAndDragsACrib() {
    Path intercepts = dir.resolve("i.txt");
    Path book = dir.resolve("codebook.txt");
    run("traffic", "generate", "--messages", "30", "--seed", "12", "--reuse-rate", "0.2",
        "--duplicate-pages", "0", "-o", arg(intercepts), "--codebook-out", arg(book))
        .exits(ExitCodes.OK);
    CliRun.Result r = run("attack", "read", "--codebook", arg(book), arg(intercepts), "--depth",
        "1").exits(ExitCodes.OK);
    assertThat(r.out()).startsWith("depth 1 (indicator):").contains("STOP");
    CliRun.Result c = run("attack", "read", "--codebook", arg(book), arg(intercepts), "--depth",
        "1", "--crib", "REFERENCE YOUR TELEGRAM NUMBER", "--top", "3").exits(ExitCodes.OK);
    assertThat(c.out()).contains("crib \"REFERENCE YOUR TELEGRAM NUMBER\"")
        .contains("places read as groups of the book").contains(" reads ");
  }

  @Test
  void readsTheDepthsAsJson() {
    Path intercepts = dir.resolve("i.txt");
    Path book = dir.resolve("codebook.txt");
    run("traffic", "generate", "--messages", "30", "--seed", "12", "--reuse-rate", "0.2",
        "--duplicate-pages", "0", "-o", arg(intercepts), "--codebook-out", arg(book))
        .exits(ExitCodes.OK);
    String out = run("attack", "read", "--codebook", arg(book), arg(intercepts), "--depth", "1",
        "--rounds", "2", "--json").exits(ExitCodes.OK).out();
    assertThat(out).contains("\"format\" : \"shifrovka-reading-1\"").contains("\"rounds\" : 2")
        .contains("\"id\" : 1").contains("\"groups\" : [").contains("\"text\" : ");
    assertThat(run("attack", "read", "--codebook", arg(book), arg(intercepts), "--json",
        "--crib", "STOP").exits(ExitCodes.USAGE).err()).contains("--crib");
  }

  @Test
  void honestTrafficHasNothingToRead() {
    Path intercepts = dir.resolve("i.txt");
    Path book = dir.resolve("codebook.txt");
    run("traffic", "generate", "--messages", "20", "--reuse-rate", "0", "--duplicate-pages", "0",
        "-o", arg(intercepts), "--codebook-out", arg(book)).exits(ExitCodes.OK);
    assertThat(run("attack", "read", "--codebook", arg(book), arg(intercepts))
        .exits(ExitCodes.OK).out()).contains("no depth in 20 intercepts").contains("pad holds");
  }

  @Test
  void anUnknownDepthIsAUsageError() {
    Path intercepts = dir.resolve("i.txt");
    Path book = dir.resolve("codebook.txt");
    run("traffic", "generate", "--messages", "10", "-o", arg(intercepts), "--codebook-out",
        arg(book)).exits(ExitCodes.OK);
    assertThat(run("attack", "read", "--codebook", arg(book), arg(intercepts), "--depth", "99")
        .exits(ExitCodes.USAGE).err()).contains("no depth 99");
  }

  @Test
  void theVenonaDemoTeachesItsFiveStages() {
    CliRun.Result r = run("demo", "--venona").exits(ExitCodes.OK);
    assertThat(r.out()).contains("1/5 Traffic intercepted [intercept]")
        .contains("2/5 The depth found [depth]").contains("3/5 The additive stripped [strip]")
        .contains("4/5 The message read [read]").contains("5/5 The honest ledger [honest-ledger]")
        .contains("with an honest ledger there was none");
    assertThat(run("demo", "--venona", "--net").exits(ExitCodes.USAGE).err())
        .contains("--venona is a lesson of its own");
  }
}
