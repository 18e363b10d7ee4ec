package org.shifrovka.cli.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.shifrovka.cli.ExitCodes;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.cryptanalysis.CribDrag;
import org.shifrovka.cryptanalysis.Depth;
import org.shifrovka.cryptanalysis.DepthFinder;
import org.shifrovka.cryptanalysis.DepthFinding;
import org.shifrovka.cryptanalysis.DepthMember;
import org.shifrovka.cryptanalysis.DepthReader;
import org.shifrovka.cryptanalysis.Intercept;
import org.shifrovka.cryptanalysis.Reading;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shifrovka attack read}: strip a depth and read it with a captured codebook. */
@Command(name = "read", mixinStandardHelpOptions = true,
    description = {
      "Find the depths (as 'attack depth' does), strip the additive off each (the difference of"
          + " two cipher texts on the same key is the difference of their code groups) and read"
          + " the code groups with the captured codebook: a beam search scored by a model of"
          + " telegraphese trained on public text (the 1949 telegram, State of the Union"
          + " addresses 1934-1953) and the codebook vocabulary, never on the traffic's plain"
          + " text. The depths are read deepest first, each with the model trained further on"
          + " what was read of the other depths, as an analyst's recoveries from one message"
          + " help read the next; --rounds passes over all of them. Where a telegram is alone on its key nothing is read: the pad holds.",
      "--crib drags a guessed phrase along each telegram of the depth and lists the places"
          + " where the others then read as groups of the book, most telegraphese-like first:"
          + " the hand method."
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  shifrovka attack read --codebook codebook.txt intercepts.txt --depth 1",
      "  shifrovka attack read --codebook codebook.txt intercepts.txt --depth 1 \\",
      "      --crib 'REFERENCE YOUR TELEGRAM NUMBER'"
    })
public final class AttackReadCommand extends AbstractCommand {
  @Option(names = "--codebook", paramLabel = "<file>", required = true,
      description = "The captured codebook.")
  Path codebook;

  @Parameters(paramLabel = "<intercepts>", description = "The intercept file; - for standard"
      + " input.")
  Path file;

  @Option(names = "--depth", paramLabel = "<id>",
      description = "Read only this depth (its number in 'attack depth'); default: all.")
  Integer depth;

  @Option(names = "--crib", paramLabel = "<words>",
      description = "Drag this phrase through the depth instead of reading it.")
  String crib;

  @Option(names = "--top", paramLabel = "<n>", defaultValue = "10",
      description = "Crib places to show (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--beam", paramLabel = "<n>", defaultValue = "32",
      description = "Hypotheses kept at each code group (default: ${DEFAULT-VALUE}).")
  int beam;

  @Option(names = "--rounds", paramLabel = "<n>", defaultValue = "3",
      description = "Passes over all the depths, each depth read with what was read of the"
          + " others (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--json", description = "Print the readings as JSON (see cli/README.md; not"
      + " with --crib).")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Codebook book = readCodebook(codebook);
    List<Intercept> intercepts = AttackCommand.intercepts(this, file);
    if (beam < 1 || beam > 10_000) {
      throw usage("--beam must be 1-10000, got " + beam);
    }
    if (rounds < 1 || rounds > 20) {
      throw usage("--rounds must be 1-20, got " + rounds);
    }
    if (json && crib != null) {
      throw usage("--json reads the depths; it does not go with --crib");
    }
    DepthFinding f = DepthFinder.standard().find(intercepts);
    List<Depth> depths;
    if (depth != null) {
      try {
        depths = List.of(f.depth(depth));
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
    } else {
      depths = f.depths();
    }
    if (depths.isEmpty() && !json) {
      print("no depth in " + intercepts.size() + " intercepts: nothing can be read (the pad"
          + " holds)\n");
      return ExitCodes.OK;
    }
    DepthReader reader = DepthReader.builder(book).beam(beam).build();
    Map<Integer, Reading> readings = new HashMap<>();
    if (crib == null) {
      // every depth found is read, also with --depth: what the others give up helps read it
      List<List<DepthMember>> all = new ArrayList<>();
      for (Depth d : f.depths()) {
        all.add(d.members());
      }
      List<Reading> read = reader.readTraffic(intercepts, all, rounds);
      for (int i = 0; i < read.size(); i++) {
        readings.put(f.depths().get(i).id(), read.get(i));
      }
    }
    if (json) {
      print(TrafficJson.reading(intercepts.size(), rounds, depths, readings, book));
      return ExitCodes.OK;
    }
    StringBuilder sb = new StringBuilder();
    for (Depth d : depths) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(heading(d));
      if (crib != null) {
        CribDrag drag;
        try {
          drag = CribDrag.drag(book, reader.model(), intercepts, d.members(), crib);
        } catch (IllegalArgumentException e) {
          throw usage(e.getMessage());
        }
        sb.append("crib \"").append(drag.crib()).append("\" (").append(drag.cribCodes().length)
            .append(" code groups): ").append(drag.hits().size())
            .append(drag.hits().size() == 1 ? " place reads" : " places read")
            .append(" as groups of the book\n");
        for (CribDrag.Hit h : drag.hits().subList(0, Math.min(top, drag.hits().size()))) {
          sb.append(String.format(Locale.ROOT, "  in %d at code group %d (score %.1f):",
              h.interceptId(), h.position() + 1, h.score()));
          for (Map.Entry<Integer, String> e : new TreeMap<>(h.others()).entrySet()) {
            sb.append("  ").append(e.getKey()).append(" reads ").append(e.getValue());
          }
          sb.append('\n');
        }
        continue;
      }
      Reading r = readings.get(d.id());
      for (Reading.Telegram t : r.telegrams()) {
        sb.append("  ").append(t.interceptId()).append(": ").append(t.text(book)).append('\n');
      }
      for (int id : r.unaligned()) {
        sb.append("  ").append(id).append(": not read (its code groups do not line up with the"
            + " others')\n");
      }
    }
    print(sb.toString());
    return ExitCodes.OK;
  }

  private static String heading(Depth d) {
    StringBuilder sb = new StringBuilder("depth ").append(d.id()).append(" (")
        .append(d.method().id()).append("):");
    for (DepthMember m : d.members()) {
      sb.append(" ").append(m.interceptId()).append(" at ").append(m.offset());
    }
    return sb.append('\n').toString();
  }
}
