package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shifrovka.cli.CliRun.arg;
import static org.shifrovka.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficCommandTest {
  @TempDir Path dir;

  @Test
  void generatedTrafficHasItsPlantedDepthsFoundAndScored() throws Exception {
    Path intercepts = dir.resolve("intercepts.txt");
    Path answers = dir.resolve("answers.json");
    run("traffic", "generate", "--messages", "80", "--seed", "3", "--reuse-rate", "0.1",
        "--duplicate-pages", "0.1", "-o", arg(intercepts), "--answers", arg(answers))
        .exits(ExitCodes.OK);
    assertThat(Files.readString(intercepts)).startsWith("SHIFROVKA INTERCEPTS 1\n\nINTERCEPT 1 LINK ");
    assertThat(Files.readString(answers)).contains("\"format\" : \"shifrovka-traffic-answers-1\"");
    CliRun.Result r = run("attack", "depth", arg(intercepts), "--answers", arg(answers))
        .exits(ExitCodes.OK);
    assertThat(r.out()).contains("80 intercepts, ").contains("precision 1.000");
    CliRun.Result j = run("attack", "depth", arg(intercepts), "--json").exits(ExitCodes.OK);
    assertThat(j.out()).contains("\"method\" : \"indicator\"");
  }

  @Test
  void honestTrafficShowsNoDepth() throws Exception {
    Path intercepts = dir.resolve("honest.txt");
    run("traffic", "generate", "--messages", "40", "--reuse-rate", "0", "--duplicate-pages", "0",
        "-o", arg(intercepts)).exits(ExitCodes.OK);
    assertThat(run("attack", "depth", arg(intercepts)).exits(ExitCodes.OK).out())
        .isEqualTo("40 intercepts, 0 depths\n");
  }

  @Test
  void aBrokenInterceptFileIsBadDataWithItsLine() throws Exception {
    Path f = dir.resolve("bad.txt");
    Files.writeString(f, "SHIFROVKA INTERCEPTS 1\n\nINTERCEPT 1 LINK A\n15 2 13 1110 x =\n");
    CliRun.Result r = run("attack", "depth", arg(f)).exits(ExitCodes.BAD_DATA);
    assertThat(r.err()).contains("bad.txt:4:");
  }

  @Test
  void badRatesAreUsageErrors() {
    assertThat(run("traffic", "generate", "--messages", "5", "--reuse-rate", "2").exits(
        ExitCodes.USAGE).err()).contains("reuse rate must be 0-1");
  }
}
