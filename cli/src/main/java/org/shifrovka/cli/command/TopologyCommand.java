package org.shifrovka.cli.command;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.shifrovka.cli.CliIo;
import org.shifrovka.cli.ExitCodes;
import org.shifrovka.sim.Topology;
import org.shifrovka.sim.TopologyShape;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shifrovka topology}: make topology files for large simulations. */
@Command(name = "topology", mixinStandardHelpOptions = true,
    description = "Generate topology files of many stations for simulate.",
    subcommands = {TopologyCommand.Generate.class},
    footerHeading = "%nExample:%n",
    footer = {
      "  shifrovka topology generate tree:1000,4 --seed 7 --messages 100 -o tree.yaml",
      "  shifrovka simulate --topology tree.yaml"
    })
public final class TopologyCommand extends ParentCommand {

  /** {@code shifrovka topology generate}. */
  @Command(name = "generate", mixinStandardHelpOptions = true,
      description = {
        "Write a topology file of a star, tree, ring, mesh or grid of stations.",
        "Station 0 (HUB, T0, R0, M0 or G0-0) is the addressee; every other station files"
            + " --messages messages to it, one a minute from a moment in the first hour the seed"
            + " chooses, by the shortest path (simulate finds the routes when it loads the file)."
            + " The seed also chooses the extra links of a mesh; the same arguments give the"
            + " same file."
      },
      footerHeading = "%nExample:%n",
      footer = {"  shifrovka topology generate star:1000 --seed 1 --messages 100 -o star.yaml"})
  public static final class Generate extends AbstractCommand {
    @Parameters(index = "0", paramLabel = "<shape>",
        description = "star:N, tree:N,FANOUT, ring:N, mesh:N,DEGREE or grid:W,H.")
    String shape;

    @Option(names = "--seed", paramLabel = "<n>", defaultValue = "1949",
        description = "Seed of a mesh's links and the origins' first filings"
            + " (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--messages", paramLabel = "<n>", defaultValue = "10",
        description = "Messages each origin files (0-100000, default: ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--sheets", paramLabel = "<n>",
        description = "Sheets of each directed link's pad book (1-100000); default: enough, as"
            + " many as the busiest link carries messages. They are derived on demand, so many"
            + " cost nothing; a link past its last sheet can carry nothing more.")
    Integer sheets;

    @Option(names = {"-o", "--output"}, paramLabel = "<file>", defaultValue = "-",
        description = "Where to write it; - is standard output (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--force", description = "Replace the output file if it exists.")
    boolean force;

    @Override
    public Integer call() throws Exception {
      String text;
      try {
        TopologyShape s = TopologyShape.parse(shape);
        if (sheets != null && sheets == 0) {
          throw usage("--sheets must be 1-" + Topology.MAX_PAD_SHEETS + ", got 0");
        }
        text = s.render(seed, messages, sheets == null ? 0 : sheets);
        Topology.LinkLoad most = sheets == null ? null : s.busiestLink(seed, messages);
        if (most != null && most.messages() > sheets) {
          warn(most.from() + "->" + most.to() + " carries " + most.messages() + " messages but"
              + " --sheets gives each pad book " + sheets + ": the messages that reach it past its"
              + " last sheet will be undeliverable (leave --sheets out for enough)");
        }
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
      if (CliIo.isDash(output)) {
        print(text);
      } else {
        CliIo.writeOrdinaryAtomically(output, force,
            tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
      }
      return ExitCodes.OK;
    }
  }
}
