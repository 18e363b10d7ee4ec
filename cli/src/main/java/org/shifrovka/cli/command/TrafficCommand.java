package org.shifrovka.cli.command;

import java.nio.file.Path;
import org.shifrovka.cli.CliIo;
import org.shifrovka.cli.ExitCodes;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.cryptanalysis.InterceptFile;
import org.shifrovka.cryptanalysis.Traffic;
import org.shifrovka.cryptanalysis.TrafficAnswers;
import org.shifrovka.cryptanalysis.TrafficGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shifrovka traffic}: intercepted traffic for a class to attack. */
@Command(name = "traffic", mixinStandardHelpOptions = true,
    description = "Make intercepted traffic with faults of pad discipline, for 'attack'.",
    subcommands = {TrafficCommand.Generate.class},
    footerHeading = "%nExample:%n",
    footer = {"  shifrovka traffic generate --messages 1000 --seed 7 -o intercepts.txt"
        + " --answers answers.json"})
public final class TrafficCommand extends ParentCommand {

  /** {@code shifrovka traffic generate}. */
  @Command(name = "generate", mixinStandardHelpOptions = true,
      description = {
        "Write N radiograms as an interceptor copies them off the air (the intercept file"
            + " format of cli/README.md): six links into Moscow, each with its own pad book,"
            + " period telegraphese enciphered with the codebook and pads, except that some"
            + " clerks reuse a sheet under the same indicator (--reuse-rate) and some telegrams"
            + " go out on pages printed twice, in another link's book under another indicator"
            + " (--duplicate-pages, the 1942 duplicates).",
        "--answers writes which telegrams share key, and their plain texts, for scoring only:"
            + " the attack never reads it. The codebook is the built-in English one from the"
            + " seed (what 'codebook generate --seed S' writes) unless --codebook names one;"
            + " --codebook-out writes it for 'attack read'. Everything follows from the seed:"
            + " the pads are INSECURE by design."
      },
      footerHeading = "%nExample:%n",
      footer = {
        "  shifrovka traffic generate --messages 1000 --seed 7 --duplicate-pages 0.05 \\",
        "      -o intercepts.txt --answers answers.json --codebook-out codebook.txt"
      })
  public static final class Generate extends AbstractCommand {
    @Option(names = "--messages", paramLabel = "<n>", required = true,
        description = "Number of telegrams (1-100000).")
    int messages;

    @Option(names = "--seed", paramLabel = "<n>", defaultValue = "1949",
        description = "Seed of texts, codebook, pads and faults (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--reuse-rate", paramLabel = "<r>", defaultValue = "0.02",
        description = "Fraction of telegrams that reuse an earlier sheet of their link under the"
            + " same indicator (default: ${DEFAULT-VALUE}).")
    double reuseRate;

    @Option(names = "--duplicate-pages", paramLabel = "<r>", defaultValue = "0.05",
        description = "Fraction of telegrams on a page printed twice (default: ${DEFAULT-VALUE}).")
    double duplicatePages;

    @Option(names = "--garble", description = "Copy about one group in 50 with an unreadable"
        + " digit, as over a weak signal.")
    boolean garble;

    @Option(names = "--length", paramLabel = "<min-max>", defaultValue = "40-240",
        description = "Message lengths in code groups (default: ${DEFAULT-VALUE}).")
    String length;

    @Option(names = "--codebook", paramLabel = "<file>",
        description = "Encipher with this codebook instead of the one from the seed.")
    Path codebook;

    @Option(names = "--codebook-out", paramLabel = "<file>",
        description = "Also write the codebook the traffic used (the 'captured' book).")
    Path codebookOut;

    @Option(names = {"-o", "--output"}, paramLabel = "<file>", defaultValue = "-",
        description = "Where to write the intercepts; - is standard output (default:"
            + " ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--answers", paramLabel = "<file>",
        description = "Where to write the answers (JSON, for scoring only).")
    Path answers;

    @Option(names = "--force", description = "Replace output files that exist.")
    boolean force;

    @Override
    public Integer call() throws Exception {
      String[] range = length.split("-", -1);
      int min;
      int max;
      try {
        min = Integer.parseInt(range[0].strip());
        max = Integer.parseInt(range[range.length - 1].strip());
      } catch (NumberFormatException e) {
        throw usage("--length is <min>-<max>, such as 40-240, got \"" + length + "\"");
      }
      TrafficGenerator.Builder b = TrafficGenerator.builder().messages(messages).seed(seed)
          .reuseRate(reuseRate).duplicatePageRate(duplicatePages).length(min, max)
          .garbleRate(garble ? 0.02 : 0);
      if (codebook != null) {
        b.codebook(readCodebook(codebook));
      }
      TrafficGenerator gen;
      try {
        gen = b.build();
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
      Traffic t = gen.generate();
      String text = InterceptFile.render(t.intercepts());
      if (answers != null) {
        CliIo.writeSecretAtomically(answers, TrafficJson.answers(t.answers()), force);
      }
      if (codebookOut != null) {
        Codebook book = t.codebook();
        CliIo.writeSecretAtomically(codebookOut, book.render(), force);
      }
      if (printOrWriteSecret(output, text, force)) {
        TrafficAnswers a = t.answers();
        int inDepth = 0;
        for (TrafficAnswers.TrueDepth d : a.depths()) {
          inDepth += d.members().size();
        }
        int n = a.depths().size();
        err().print(messages + " intercepts written to " + output + " (" + n
            + (n == 1 ? " depth, " : " depths, ") + inDepth + " telegrams in depth; see"
            + " --answers)\n");
        err().flush();
      }
      return ExitCodes.OK;
    }
  }
}
