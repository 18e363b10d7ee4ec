package org.shifrovka.cli.command;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.shifrovka.cli.CliIo;
import org.shifrovka.cli.ExitCodes;
import org.shifrovka.cryptanalysis.Depth;
import org.shifrovka.cryptanalysis.DepthFinder;
import org.shifrovka.cryptanalysis.DepthFinding;
import org.shifrovka.cryptanalysis.DepthMember;
import org.shifrovka.cryptanalysis.DepthScore;
import org.shifrovka.cryptanalysis.Intercept;
import org.shifrovka.cryptanalysis.InterceptFile;
import org.shifrovka.cryptanalysis.TrafficAnswers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shifrovka attack}: be the enemy: find depths in intercepts and read them. */
@Command(name = "attack", mixinStandardHelpOptions = true,
    description = "Attack intercepted traffic: find telegrams in depth (a pad used twice) and"
        + " read them with a captured codebook.",
    subcommands = {AttackCommand.DepthSearch.class, AttackReadCommand.class},
    footerHeading = "%nExample:%n",
    footer = {
      "  shifrovka attack depth intercepts.txt --answers answers.json",
      "  shifrovka attack read --codebook codebook.txt intercepts.txt --depth 1"
    })
public final class AttackCommand extends ParentCommand {

  /** Reads an intercept file. */
  static List<Intercept> intercepts(AbstractCommand c, Path file) throws Exception {
    CliIo.Input in = c.read(file);
    return InterceptFile.parse(in.text(), in.name());
  }

  /** {@code shifrovka attack depth}. */
  @Command(name = "depth", mixinStandardHelpOptions = true,
      description = {
        "List the sets of telegrams in depth, from the cipher text alone: telegrams with the"
            + " same indicator, and telegrams whose 4-digit groups coincide at the same key"
            + " position far more often than the 1 in 10,000 of chance (telegraphese repeats"
            + " its words). Each depth gives its members' offsets on the shared key (in"
            + " groups) and a score, -log10 of the chance of such coincidences without depth.",
        "--answers compares the finding with a 'traffic generate --answers' file and prints"
            + " precision and recall (pairs of telegrams with the right alignment)."
      },
      footerHeading = "%nExample:%n",
      footer = {"  shifrovka attack depth intercepts.txt --answers answers.json --json"})
  public static final class DepthSearch extends AbstractCommand {
    @Parameters(paramLabel = "<intercepts>", description = "The intercept file; - for standard"
        + " input.")
    Path file;

    @Option(names = "--json", description = "Print the finding as JSON (see cli/README.md).")
    boolean json;

    @Option(names = "--answers", paramLabel = "<file>",
        description = "Score the finding against these answers.")
    Path answers;

    @Override
    public Integer call() throws Exception {
      List<Intercept> intercepts = intercepts(this, file);
      DepthScore score = null;
      DepthFinding f = DepthFinder.standard().find(intercepts);
      if (answers != null) {
        CliIo.Input in = read(answers);
        TrafficAnswers a = TrafficJson.parseAnswers(in.text(), in.name());
        score = DepthScore.of(f, a);
      }
      print(json ? TrafficJson.finding(f, score) : text(f, score));
      return ExitCodes.OK;
    }

    private static String text(DepthFinding f, DepthScore score) {
      StringBuilder sb = new StringBuilder();
      sb.append(f.intercepts()).append(" intercepts, ").append(f.depths().size())
          .append(f.depths().size() == 1 ? " depth" : " depths").append('\n');
      for (Depth d : f.depths()) {
        sb.append("depth ").append(d.id()).append(": ");
        for (int i = 0; i < d.members().size(); i++) {
          DepthMember m = d.members().get(i);
          sb.append(i == 0 ? "" : ", ").append("intercept ").append(m.interceptId())
              .append(" at ").append(m.offset());
        }
        sb.append("  (").append(d.method().id()).append(", score ")
            .append(String.format(Locale.ROOT, "%.1f", d.score())).append(")\n");
      }
      if (score != null) {
        sb.append(String.format(Locale.ROOT,
            "against the answers: %d of %d pairs found are right, %d true pairs:"
                + " precision %.3f, recall %.3f%n", score.correct(), score.found(),
            score.truePairs(), score.precision(), score.recall()));
      }
      return sb.toString();
    }
  }
}
