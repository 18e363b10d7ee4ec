package org.shifrovka.cli.command;

import java.io.IOException;
import org.shifrovka.cli.ExitCodes;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.scenario.Walkthrough;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shifrovka demo}: the 1949 chain, stage by stage. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {
      "Run the 1949 chain in process and print every stage.",
      "The stages: Mao's message to Filippov of 12 January 1949, its telegraphese, code groups,"
          + " regrouping, a pad sheet, the additive, the three radiograms and the archival copies"
          + " Nos. 50450, 50470 and 50490.",
      "The exit code is 0 if the text arrived unchanged, else 1. The pad comes from the seed:"
          + " reproducible, and therefore insecure."
    },
    footerHeading = "%nExample:%n",
    footer = {"  shifrovka demo --seed 7 | less"})
public final class DemoCommand extends AbstractCommand {
  @Option(names = "--seed", paramLabel = "<n>", defaultValue = "" + Scenario1949.DEFAULT_SEED,
      description = "Seed of the codebook and pad (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws IOException {
    Scenario1949.Run run = Scenario1949.withSeed(seed).run();
    print(Walkthrough.render(run));
    return run.delivered() ? ExitCodes.OK : ExitCodes.FAILURE;
  }
}
