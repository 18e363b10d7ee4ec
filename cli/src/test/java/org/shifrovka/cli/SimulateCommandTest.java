package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shifrovka simulate} and {@code shifrovka demo --net}: stations on loopback. */
class SimulateCommandTest {

  @Test
  void demoNet_deliversTheExactTextOverNettyStations_exit0() {
    CliRun.Result r = CliRun.run("demo", "--net", "--full", "--speed", "max")
        .exits(ExitCodes.OK);
    assertThat(r.out()).contains("TEREBIN    filed").contains("KUZNETSOV  registered")
        .contains("FILIPPOV   delivered")
        .contains("1 of 1 message delivered exactly once with the exact text")
        .contains("FILIPPOV received the exact text of Mao's message");
  }

  @Test
  void topologyGenerate_givesEnoughSheetsByDefault_andSimulateWarnsOfTooFew(@TempDir Path dir)
      throws Exception {
    Path t = dir.resolve("tree.yaml");
    CliRun.run("topology", "generate", "tree:40,3", "--seed", "1", "--messages", "10", "-o",
        t.toString()).exits(ExitCodes.OK);
    assertThat(Files.readString(t)).contains("pads: {sheets: 130, groupsPerSheet: 60}");
    CliRun.Result few = CliRun.run("topology", "generate", "tree:40,3", "--seed", "1",
        "--messages", "10", "--sheets", "100", "-o", t.toString(), "--force")
        .exits(ExitCodes.OK);
    assertThat(few.err()).startsWith("warning: T").contains("->T0 carries 130 messages but"
        + " --sheets gives each pad book 100");
    CliRun.Result r = CliRun.run("simulate", "--topology", t.toString(), "--seed", "1")
        .exits(ExitCodes.FAILURE);
    assertThat(r.err()).contains("warning: 130 messages are routed over T1->T0 but its pad book"
        + " has 100 sheets");
    assertThat(r.out()).contains("300 of 390 messages delivered exactly once")
        .contains("T1->T0 not forwarded: pad book T1-T0 is exhausted");
  }

  @Test
  void simulate_sameSeedTwice_printsTheSameReport() {
    String a = CliRun.run("simulate", "--seed", "3", "--loss", "0.1", "--garble", "0.01")
        .exits(ExitCodes.OK).out();
    String b = CliRun.run("simulate", "--seed", "3", "--loss", "0.1", "--garble", "0.01")
        .exits(ExitCodes.OK).out();
    assertThat(b).isEqualTo(a);
  }

  @Test
  void simulate_topologyAndMessageFiles_runsThemAndWritesTheEventLog(@TempDir Path dir)
      throws Exception {
    Path t = dir.resolve("t.yaml");
    Files.writeString(t, String.join("\n",
        "stations:",
        "  - {name: A, role: origin}",
        "  - {name: B, role: addressee}",
        "links:",
        "  - {between: [A, B], wpm: 25, delay: 20ms, loss: 0.2}",
        ""));
    Path m = dir.resolve("m.txt");
    Files.writeString(m, "Comrade B, the radio works.");
    Path events = dir.resolve("events.jsonl");
    CliRun.Result r = CliRun.run("simulate", "--topology", t.toString(), "--messages",
        m.toString(), "--events", events.toString()).exits(ExitCodes.OK);
    assertThat(r.out()).contains("A/1").contains("1 of 1 message delivered");
    assertThat(Files.readAllLines(events)).isNotEmpty()
        .allMatch(l -> l.startsWith("{\"sim\":\"") && l.contains("\"real_ms\":"));
  }

  @Test
  void simulate_badTopology_namesFileAndLine_exit3(@TempDir Path dir) throws Exception {
    Path t = dir.resolve("bad.yaml");
    Files.writeString(t, "stations:\n  - {name: A, role: pilot}\n");
    CliRun.Result r = CliRun.run("simulate", "--topology", t.toString())
        .exits(ExitCodes.BAD_DATA);
    assertThat(r.err()).contains("bad.yaml:2:").contains("pilot");
  }

  @Test
  void simulate_badSpeed_exit2() {
    CliRun.run("simulate", "--speed", "fast").exits(ExitCodes.USAGE);
  }
}
