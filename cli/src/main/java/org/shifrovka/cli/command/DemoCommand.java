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
import picocli.CommandLine.ParameterException;

/**
 * {@code shifrovka demo}: the 1949 chain, stage by stage in process, then over three Netty
 * stations.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {
      "Run the 1949 chain: every cipher stage, then over three Netty stations.",
      "First, in process: Mao's message to Filippov of 12 January 1949, its telegraphese, code"
          + " groups, regrouping, a pad sheet, the additive, the three radiograms, one keyed on"
          + " the air, and the archival copies Nos. 50450, 50470 and 50490.",
      "Then over the air: TEREBIN, KUZNETSOV and FILIPPOV as Netty stations on loopback, with"
          + " simulated radio links (20 WPM, some garbles, repeats and receipts) and a simulated"
          + " clock; the timeline, the report, and whether FILIPPOV got the exact text.",
      "--in-process prints only the first part, --net only the second. The exit code is 0 if"
          + " the text arrived unchanged, else 1. The pad comes from the seed: reproducible, and"
          + " therefore insecure."
    },
    footerHeading = "%nExample:%n",
    footer = {"  shifrovka demo --seed 7 | less", "  shifrovka demo --net --loss 0.1 --garble 0.01"})
public final class DemoCommand extends AbstractCommand {
  /** Simulated seconds per real second of the demo: about two hours of 1949 in about two seconds. */
  static final long DEMO_SPEED = 4000;

  @Option(names = "--seed", paramLabel = "<n>", defaultValue = "" + Scenario1949.DEFAULT_SEED,
      description = "Seed of the codebook, pad and links (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--in-process", description = "Only the cipher stages, no network.")
  boolean inProcess;

  @Option(names = "--net", description = "Only the run over the Netty stations.")
  boolean net;

  @Option(names = "--speed", paramLabel = "<n|max>", defaultValue = "" + DEMO_SPEED,
      description = "Simulated seconds per real second on the network, or max (default:"
          + " ${DEFAULT-VALUE}).")
  String speed;

  @Option(names = "--loss", paramLabel = "<p>", description = "Loss probability of every link"
      + " (0-1).")
  Double loss;

  @Option(names = "--garble", paramLabel = "<p>", description = "Symbol garble probability of"
      + " every link (0-1).")
  Double garble;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (inProcess && net) {
      throw new ParameterException(spec.commandLine(),
          "--in-process and --net exclude each other");
    }
    boolean ok = true;
    if (!net) {
      Scenario1949.Run run = Scenario1949.withSeed(seed).run();
      print(Walkthrough.render(run));
      ok = run.delivered();
      if (inProcess) {
        return ok ? ExitCodes.OK : ExitCodes.FAILURE;
      }
      print("\nOver the air: TEREBIN -> KUZNETSOV -> FILIPPOV on three Netty stations (loopback)\n"
          + "-------------------------------------------------------------------------------\n");
    }
    OutcomeReport r = SimulateCommand.builder(this, Topology.default1949(), seed, speed, loss,
        garble).build().run();
    print(r.timeline());
    print("\n" + r.render());
    boolean delivered = r.finished() && r.allDeliveredExactlyOnce();
    print(delivered ? "FILIPPOV received the exact text of Mao's message ("
        + r.messages().get(0).deliveredText().length() + " characters), registered "
        + String.join(", ", r.messages().get(0).registryNumbers()) + ".\n"
        : "The message did not arrive intact.\n");
    return ok && delivered ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}
