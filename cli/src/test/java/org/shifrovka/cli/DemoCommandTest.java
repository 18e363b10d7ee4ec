package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.shifrovka.lesson.StageId;

/** {@code shifrovka demo}. */
class DemoCommandTest {

  @Test
  void demo_explainsEveryStageInEightyColumns_thenRelaysOverNettyStations_exit0() {
    CliRun.Result r = CliRun.run("demo", "--speed", "max").exits(ExitCodes.OK);
    for (StageId id : StageId.values()) {
      assertThat(r.out()).contains("/14 ").contains("[" + id.id() + "]");
    }
    assertThat(r.out()).contains("Sources: §2.1").contains("Over the air: TEREBIN -> KUZNETSOV")
        .contains("registered 50450").contains("registered 50470").contains("registered 50490")
        .contains("local time           Moscow  station")
        .doesNotContain("registers:"); // the statistics only with --full
    assertThat(r.out().lines()).allSatisfy(line -> assertThat(line.length()).as(line)
        .isLessThanOrEqualTo(80));
    assertThat(r.out()).contains("FILIPPOV received the exact text of Mao's message")
        .contains("The document: \"Ciphered Telegrams No. 50450, 50470, and 50490")
        .contains("https://digitalarchive.wilsoncenter.org/document/112663")
        .doesNotContain("dvincitest");
    assertThat(r.out().strip().lines().reduce((a, b) -> b).orElseThrow())
        .isEqualTo("registered 0100.");
    // one number format: FILIPPOV's receipt reads as its register does, not "registered 100"
    assertThat(r.out()).contains("(registered 0100), after")
        .doesNotContainPattern("registered 100\\b");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void demo_full_showsEveryGroupAndTheStatistics() {
    CliRun.Result compact = CliRun.run("demo", "--in-process").exits(ExitCodes.OK);
    CliRun.Result full = CliRun.run("demo", "--in-process", "--full").exits(ExitCodes.OK);
    assertThat(compact.out()).contains("(--full shows all)");
    assertThat(full.out()).doesNotContain("(--full shows all)")
        .contains("CIPHERED TELEGRAM No. 50490");
    assertThat(full.out().length()).isGreaterThan(3 * compact.out().length());
    CliRun.Result net = CliRun.run("demo", "--net", "--full", "--speed", "max")
        .exits(ExitCodes.OK);
    assertThat(net.out()).contains("registers:").contains("KUZNETSOV: 3 telegrams, 50450 .. 50490")
        .contains("FILIPPOV: 1 telegram, 0100 .. 0100");
  }

  @Test
  void demo_inProcess_isTheWalkthroughOnly_sameForTheSameSeed() {
    CliRun.Result r = CliRun.run("demo", "--in-process").exits(ExitCodes.OK);
    assertThat(r.out()).startsWith("1/14 Telegraphese").contains("14/14 The register")
        .doesNotContain("Over the air");
    assertThat(CliRun.run("demo", "--in-process").out()).isEqualTo(r.out());
    assertThat(CliRun.run("demo", "--in-process", "--seed", "7").out()).isNotEqualTo(r.out());
  }

  @Test
  void demo_stage_printsOneStage_listStagesListsThem() {
    CliRun.Result r = CliRun.run("demo", "--stage", "additive").exits(ExitCodes.OK);
    assertThat(r.out()).startsWith("6/14 The additive").doesNotContain("7/14");
    assertThat(CliRun.run("demo", "--stage", "6").out()).isEqualTo(r.out());
    CliRun.Result list = CliRun.run("demo", "--list-stages").exits(ExitCodes.OK);
    assertThat(list.out().lines()).hasSize(14).first().asString()
        .isEqualTo(" 1  telegraphese   Telegraphese: the text the code clerk works from");
    CliRun.Result bad = CliRun.run("demo", "--stage", "pad").exits(ExitCodes.USAGE);
    assertThat(bad.err()).contains("no stage \"pad\"").contains("pad-sheet");
  }

  @Test
  void demo_json_isTheWalkthroughFormat() throws Exception {
    CliRun.Result r = CliRun.run("demo", "--json").exits(ExitCodes.OK);
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("format").asText()).isEqualTo("shifrovka-walkthrough");
    assertThat(root.get("version").asInt()).isEqualTo(1);
    assertThat(root.get("seed").asLong()).isEqualTo(1949);
    assertThat(root.get("stages")).hasSize(14);
    JsonNode register = root.get("stages").get(13);
    assertThat(register.get("id").asText()).isEqualTo("register");
    assertThat(register.get("output").get(0).get("rows").get(2).get(0).asText())
        .isEqualTo("50490");
  }

  @Test
  void demo_stepInAPipe_isRefused_exit2() {
    CliRun.Result r = CliRun.run("demo", "--step").exits(ExitCodes.USAGE);
    assertThat(r.err()).contains("--step needs a terminal");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void demo_net_isTheRelayOnly_andEndsByConfirmingDelivery() {
    CliRun.Result r = CliRun.run("demo", "--net", "--full", "--speed", "max")
        .exits(ExitCodes.OK);
    assertThat(r.out()).doesNotContain("Telegraphese")
        .contains("1 of 1 message delivered exactly once with the exact text");
  }

  @Test
  void demo_inProcessAndNet_exit2() {
    CliRun.run("demo", "--in-process", "--net").exits(ExitCodes.USAGE);
    CliRun.run("demo", "--net", "--stage", "additive").exits(ExitCodes.USAGE);
    CliRun.run("demo", "--json", "--step").exits(ExitCodes.USAGE);
  }

  @Test
  void demo_badSeed_exit2() {
    CliRun.run("demo", "--seed", "seven").exits(ExitCodes.USAGE);
  }
}
