package org.shifrovka.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.scenario.Walkthrough;

/** {@code shifrovka demo}. */
class DemoCommandTest {

  @Test
  void demo_printsTheWalkthroughOfTheDefaultSeed_exit0() {
    CliRun.Result r = CliRun.run("demo").exits(ExitCodes.OK);
    assertThat(r.out()).isEqualTo(Walkthrough.render(Scenario1949.standard().run()));
    assertThat(r.out()).contains("(seed 1949)").contains("CIPHERED TELEGRAM No. 50450");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void demo_withSeed_usesIt() {
    CliRun.Result r = CliRun.run("demo", "--seed", "7").exits(ExitCodes.OK);
    assertThat(r.out()).contains("(seed 7)").isEqualTo(
        Walkthrough.render(Scenario1949.withSeed(7).run()));
  }

  @Test
  void demo_badSeed_exit2() {
    CliRun.run("demo", "--seed", "seven").exits(ExitCodes.USAGE);
  }
}
