package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shifrovka station} refusals before it starts, and {@code simulate --load}. */
class StationCommandTest {
  private static final String CHAIN = String.join("\n",
      "forward: reencipher",
      "stations:",
      "  - {name: TEREBIN, role: origin, listen: 127.0.0.1:7101}",
      "  - {name: KUZNETSOV, role: relay, listen: 0.0.0.0:7102, address: moscow.example:7102}",
      "  - {name: FILIPPOV, role: addressee, listen: 127.0.0.1:7103}",
      "links:",
      "  - {between: [TEREBIN, KUZNETSOV]}",
      "  - {between: [KUZNETSOV, FILIPPOV]}",
      "");

  @Test
  void plainTcpToAnAddressThatIsNotLoopback_isAUsageError(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("chain.yaml");
    Files.writeString(config, CHAIN);
    CliRun.Result r = CliRun.run("station", "--config", config.toString(), "--name", "TEREBIN",
        "--journal", dir.resolve("t.journal").toString()).exits(ExitCodes.USAGE);
    assertThat(r.err()).contains("plain TCP is allowed only when every address is loopback")
        .contains("KUZNETSOV is at moscow.example:7102").doesNotContain("Exception");
    assertThat(dir.resolve("t.journal")).doesNotExist();
  }

  @Test
  void aPkiDirectoryWithoutTheStationsCertificate_namesTheFileAndTheFix(@TempDir Path dir)
      throws Exception {
    Path config = dir.resolve("chain.yaml");
    Files.writeString(config, CHAIN);
    CliRun.Result r = CliRun.run("station", "--config", config.toString(), "--name", "KUZNETSOV",
        "--pki", dir.resolve("pki").toString()).exits(ExitCodes.USAGE);
    assertThat(r.err()).contains("KUZNETSOV.crt: no certificate for KUZNETSOV")
        .contains("shifrovka pki issue");
  }

  @Test
  void anUnknownStation_isAUsageError(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("chain.yaml");
    Files.writeString(config, CHAIN);
    CliRun.Result r = CliRun.run("station", "--config", config.toString(), "--name", "ZHUKOV")
        .exits(ExitCodes.USAGE);
    assertThat(r.err()).contains("no station ZHUKOV in the topology");
  }

  @Test
  void simulateLoad_deliversEveryMessageOnceAndReportsPercentiles() {
    CliRun.Result r = CliRun.run("simulate", "--load", "40", "--duration", "1")
        .exits(ExitCodes.OK);
    assertThat(r.out()).contains("load: 40 messages offered")
        .contains("filed 40, delivered 40, duplicates 0: every message exactly once")
        .containsPattern("latency, filing to delivery \\(ms\\): p50 [0-9.]+, p90 [0-9.]+, p99 ");
  }

  @Test
  void messagesChecksComeBeforeTheStationStarts(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("chain.yaml");
    Files.writeString(config, CHAIN.replace("0.0.0.0:7102, address: moscow.example:7102",
        "127.0.0.1:7102"));
    CliRun.Result r = CliRun.run("station", "--config", config.toString(), "--name", "TEREBIN",
        "--journal", dir.resolve("t.journal").toString(), "--messages",
        dir.resolve("missing.txt").toString()).exits(ExitCodes.USAGE);
    assertThat(r.err()).contains("missing.txt: no such file");
    r = CliRun.run("station", "--config", config.toString(), "--name", "TEREBIN",
        "--journal", dir.resolve("t.journal").toString(), "--messages", "-", "--to", "ZHUKOV")
        .exits(ExitCodes.USAGE);
    assertThat(r.err()).contains("TEREBIN has no route to ZHUKOV");
    r = CliRun.run("station", "--config", config.toString(), "--name", "TEREBIN",
        "--journal", dir.resolve("t.journal").toString(), "--idle", "5s").exits(ExitCodes.USAGE);
    assertThat(r.err()).contains("--idle must be at least 15s");
    r = CliRun.run("station", "--config", config.toString(), "--name", "TEREBIN",
        "--journal", dir.resolve("t.journal").toString(), "--max-connections", "8",
        "--max-connections-per-address", "9").exits(ExitCodes.USAGE);
    assertThat(r.err()).contains("--max-connections-per-address must be 1-8 (--max-connections),"
        + " not 9");
    assertThat(dir.resolve("t.journal")).doesNotExist();
  }

  @Test
  void simulateLoad_refusesMoreMessagesThanARunHolds() {
    CliRun.Result r = CliRun.run("simulate", "--load", "5000", "--duration", "60")
        .exits(ExitCodes.USAGE);
    assertThat(r.err()).contains("the load offers 300000 messages; at most 20000");
  }
}
