package org.shifrovka.cli.command;

import java.io.IOException;
import org.shifrovka.cli.ExitCodes;
import org.shifrovka.cli.lesson.TimelineLayout;
import org.shifrovka.cli.lesson.Wrap;
import org.shifrovka.lesson.VenonaWalkthrough;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.lesson.Walkthrough;
import org.shifrovka.sim.OutcomeReport;
import org.shifrovka.sim.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code shifrovka demo}: the 1949 chain, stage by stage in process, then over three Netty
 * stations.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {
      "Run the 1949 chain: every stage explained, then over three Netty stations.",
      "First, in process: Mao's message to Filippov of 12 January 1949 walked through the 14"
          + " stages (telegraphese, code groups, spelling, regrouping, pad sheet, additive,"
          + " radiogram, Morse, air, reception, deciphering, reassembly, archival copy, register),"
          + " each with what the clerk did, why, and the source. --full shows every group and"
          + " line, --step one stage per screen (a terminal only; refused in a pipe), --stage"
          + " one stage, --json the walkthrough as JSON.",
      "Then over the air: TEREBIN, KUZNETSOV and FILIPPOV as Netty stations on loopback, with"
          + " simulated radio links (20 WPM, some garbles, repeats and receipts) and a simulated"
          + " clock; the timeline in local and Moscow time, and whether FILIPPOV got the exact"
          + " text (--full adds the statistics).",
      "--in-process prints only the first part, --net only the second. The exit code is 0 if"
          + " the text arrived unchanged, else 1. The pad comes from the seed: reproducible, and"
          + " therefore insecure."
    },
    footerHeading = "%nExample:%n",
    footer = {"  shifrovka demo --step", "  shifrovka demo --stage additive --seed 7",
        "  shifrovka demo --full | less", "  shifrovka demo --net --loss 0.1 --garble 0.01"})
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

  @Option(names = "--venona", description = "The other side of the wire instead: traffic on a"
      + " pad book printed twice is intercepted, the depth found, the additive stripped and the"
      + " message read; then the same traffic with an honest ledger, where no depth exists (five"
      + " stages; --full shows every row). See 'shifrovka attack'.")
  boolean venona;

  @Mixin WalkthroughOptions show;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (inProcess && net) {
      throw usage("--in-process and --net exclude each other");
    }
    if (venona) {
      if (net || inProcess || show.alone()) {
        throw usage("--venona is a lesson of its own: it excludes --net, --in-process, --step,"
            + " --stage, --list-stages and --json");
      }
      VenonaWalkthrough v = VenonaWalkthrough.of(seed);
      print(AttackLesson.render(v, show.full, show.terminal(env().terminal()).width()));
      return v.taught() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
    String conflict = show.conflict();
    if (conflict != null) {
      throw usage(conflict);
    }
    if (net && show.alone()) {
      throw usage("--net runs no walkthrough: it excludes --step, --stage, --list-stages and"
          + " --json");
    }
    if (show.step && !show.terminal(env().terminal()).interactive()) {
      throw usage(WalkthroughOptions.NO_TERMINAL);
    }
    boolean ok = true;
    if (!net) {
      Walkthrough w = Walkthrough.of(Scenario1949.withSeed(seed));
      show.show(this, w);
      ok = w.delivered();
      if (show.alone()) {
        return ok ? ExitCodes.OK : ExitCodes.FAILURE;
      }
      print("\n" + String.join("\n", Wrap.lines("The document: " + Scenario1949.CITATION,
          show.terminal(env().terminal()).width(), "", "  ")) + "\n");
      if (inProcess) {
        return ok ? ExitCodes.OK : ExitCodes.FAILURE;
      }
      print("\n" + rule("Over the air: TEREBIN -> KUZNETSOV -> FILIPPOV, three Netty stations"));
    }
    OutcomeReport r = SimulateCommand.builder(this, Topology.default1949(), seed, speed, loss,
        garble).build().run();
    print(TimelineLayout.render(r.timeline(), env().terminal().width()));
    if (show.full) {
      print("\n" + r.render());
    }
    boolean delivered = r.finished() && r.allDeliveredExactlyOnce();
    print(delivered ? "FILIPPOV received the exact text of Mao's message ("
        + r.messages().get(0).deliveredText().length() + " characters),\nregistered "
        + String.join(", ", r.messages().get(0).registryNumbers()) + ".\n"
        : "The message did not arrive intact.\n");
    return ok && delivered ? ExitCodes.OK : ExitCodes.FAILURE;
  }

  private String rule(String title) {
    int width = show.terminal(env().terminal()).width();
    return title + "\n" + "-".repeat(Math.min(width, title.length())) + "\n";
  }
}
