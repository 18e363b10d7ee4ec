package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.scenario.Walkthrough;

/** {@code shifrovka demo}. */
class DemoCommandTest {

  @Test
  void demo_printsTheWalkthroughThenRelaysOverNettyStations_exit0() {
    CliRun.Result r = CliRun.run("demo", "--speed", "max").exits(ExitCodes.OK);
    String walkthrough = Walkthrough.render(Scenario1949.standard().run());
    assertThat(r.out()).startsWith(walkthrough);
    String net = r.out().substring(walkthrough.length());
    assertThat(net).contains("Over the air: TEREBIN -> KUZNETSOV -> FILIPPOV")
        .contains("registered 50450").contains("registered 50470").contains("registered 50490");
    assertThat(r.out().strip().lines().reduce((a, b) -> b).orElseThrow())
        .startsWith("FILIPPOV received the exact text of Mao's message");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void demo_inProcess_isTheWalkthroughOnly() {
    CliRun.Result r = CliRun.run("demo", "--in-process").exits(ExitCodes.OK);
    assertThat(r.out()).isEqualTo(Walkthrough.render(Scenario1949.standard().run()));
    assertThat(r.out()).contains("(seed 1949)").contains("CIPHERED TELEGRAM No. 50450");
  }

  @Test
  void demo_withSeed_usesIt() {
    CliRun.Result r = CliRun.run("demo", "--in-process", "--seed", "7").exits(ExitCodes.OK);
    assertThat(r.out()).contains("(seed 7)").isEqualTo(
        Walkthrough.render(Scenario1949.withSeed(7).run()));
  }

  @Test
  void demo_net_isTheRelayOnly_andEndsByConfirmingDelivery() {
    CliRun.Result r = CliRun.run("demo", "--net", "--speed", "max").exits(ExitCodes.OK);
    assertThat(r.out()).doesNotContain("Telegraphese")
        .contains("1 of 1 messages delivered exactly once with the exact text");
  }

  @Test
  void demo_inProcessAndNet_exit2() {
    CliRun.run("demo", "--in-process", "--net").exits(ExitCodes.USAGE);
  }

  @Test
  void demo_badSeed_exit2() {
    CliRun.run("demo", "--seed", "seven").exits(ExitCodes.USAGE);
  }
}
