package org.shifrovka.cli.command;

import java.io.IOException;
import org.shifrovka.cli.ExitCodes;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.scenario.Walkthrough;
import org.shifrovka.sim.ChainSimulation;
import org.shifrovka.sim.OutcomeReport;
import org.shifrovka.sim.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shifrovka demo}: the 1949 chain, stage by stage. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {
      "Run the 1949 chain in process and print every stage.",
      "The stages: Mao's message to Filippov of 12 January 1949, its telegraphese, code groups,"
          + " regrouping, a pad sheet, the additive, the three radiograms and the archival copies"
          + " Nos. 50450, 50470 and 50490.",
      "With --net, run the chain instead over three Netty stations on loopback, with simulated"
          + " radio links (20 WPM, some garbles) and a simulated clock, and print the timeline"
          + " and the report.",
      "The exit code is 0 if the text arrived unchanged, else 1. The pad comes from the seed:"
          + " reproducible, and therefore insecure."
    },
    footerHeading = "%nExample:%n",
    footer = {"  shifrovka demo --seed 7 | less", "  shifrovka demo --net --loss 0.1 --garble 0.01"})
public final class DemoCommand extends AbstractCommand {
  @Option(names = "--seed", paramLabel = "<n>", defaultValue = "" + Scenario1949.DEFAULT_SEED,
      description = "Seed of the codebook and pad (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--net", description = "Run the chain over Netty stations on loopback.")
  boolean net;

  @Option(names = "--speed", paramLabel = "<n|max>", defaultValue = "" + (long)
      ChainSimulation.DEMO_SPEED, description = "With --net: simulated seconds per real second,"
      + " or max (default: ${DEFAULT-VALUE}).")
  String speed;

  @Option(names = "--loss", paramLabel = "<p>", description = "With --net: loss probability of"
      + " every link (0-1).")
  Double loss;

  @Option(names = "--garble", paramLabel = "<p>", description = "With --net: symbol garble"
      + " probability of every link (0-1).")
  Double garble;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (net) {
      OutcomeReport r = SimulateCommand.builder(this, Topology.default1949(), seed, speed, loss,
          garble).build().run();
      print(r.timeline());
      print("\n" + r.render());
      boolean ok = r.finished() && r.allDeliveredExactlyOnce();
      print(ok ? "FILIPPOV received the exact text of Mao's message ("
          + r.messages().get(0).deliveredText().length() + " characters), registered "
          + String.join(", ", r.messages().get(0).registryNumbers()) + ".\n"
          : "The message did not arrive intact.\n");
      return ok ? ExitCodes.OK : ExitCodes.FAILURE;
    }
    Scenario1949.Run run = Scenario1949.withSeed(seed).run();
    print(Walkthrough.render(run));
    return run.delivered() ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}
