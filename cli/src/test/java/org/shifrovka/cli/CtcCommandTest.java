package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shifrovka.cli.CliRun.arg;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shifrovka ctc encode|decode}. */
class CtcCommandTest {

  @Test
  void encode_printsTheCodeGroups() {
    CliRun.Result r = CliRun.withStdin("毛澤東\n斯大林\n", "ctc", "encode").exits(ExitCodes.OK);
    assertThat(r.out()).isEqualTo("3029 3419 2639 2448 1129 2651\n");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void encodePipedIntoDecode_roundTrips_bothTables() {
    String traditional = "毛澤東致斯大林同志電報";
    String groups = CliRun.withStdin(traditional, "ctc", "encode").exits(ExitCodes.OK).out();
    assertThat(groups.lines()).hasSize(2);
    assertThat(CliRun.withStdin(groups, "ctc", "decode").exits(ExitCodes.OK).out())
        .isEqualTo(traditional + "\n");
    String simplified = "毛泽东致斯大林同志";
    String m = CliRun.withStdin(simplified, "ctc", "encode", "--table", "mainland")
        .exits(ExitCodes.OK).out();
    assertThat(CliRun.withStdin(m, "ctc", "decode", "--table", "mainland").exits(ExitCodes.OK)
        .out()).isEqualTo(simplified + "\n");
  }

  @Test
  void encode_missingCharacter_namesItsPosition_exit3(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("mao.txt");
    Files.writeString(f, "毛澤東\n毛泽东\n");
    CliRun.Result r = CliRun.run("ctc", "encode", arg(f)).exits(ExitCodes.BAD_DATA);
    assertThat(r.err()).isEqualTo("error: " + arg(f) + ":2:2: '泽' (U+6CFD) is not in the"
        + " traditional Chinese telegraph code\n");
    assertThat(r.out()).isEmpty();
    assertThat(CliRun.run("ctc", "encode", "--unknown", "drop", arg(f)).exits(ExitCodes.OK)
        .out()).isEqualTo("3029 3419 2639 3029\n");
  }

  @Test
  void decode_unassignedCode_exit3() {
    CliRun.Result r = CliRun.withStdin("3029\n 9999\n", "ctc", "decode")
        .exits(ExitCodes.BAD_DATA);
    assertThat(r.err()).isEqualTo("error: <stdin>:2:2: code 9999 is not assigned in the"
        + " traditional Chinese telegraph code\n");
  }
}
