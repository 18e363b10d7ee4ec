package org.shifrovka.cli.command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shifrovka.CipherOffice;
import org.shifrovka.Decipherment;
import org.shifrovka.cli.ExitCodes;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadSheet;
import org.shifrovka.scenario.Scenario1949;
import org.shifrovka.telegram.Radiogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code shifrovka telegram}: work on radiogram files. */
@Command(name = "telegram", mixinStandardHelpOptions = true,
    description = "Check radiogram files.",
    subcommands = {TelegramCommand.Check.class},
    footerHeading = "%nExample:%n",
    footer = {"  shifrovka telegram check monday.txt tuesday.txt"})
public final class TelegramCommand extends ParentCommand {

  /** {@code shifrovka telegram check}. */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = {
        "Check radiograms: print one line per problem, one line per radiogram with its count of"
            + " problems, and a summary; the exit code is 0 if all is well, 1 if anything was"
            + " found. A file may hold many radiograms, also several outputs of encode"
            + " concatenated with cat.",
        "Always checked: declared against actual group counts, unreadable groups, the serial/date"
            + " group against the header, radiogram numbers used twice, and the same indicator"
            + " (first group) in two radiograms, across all the files given.",
        "With --codebook and --pads the radiograms are also deciphered: then two radiograms that"
            + " share any pad sheet are found (not only the first), and so are missing parts,"
            + " garbled text and bad end groups, in lines starting 'decipher:'."
      },
      footerHeading = "%nExample:%n",
      footer = {
        "  shifrovka telegram check monday.txt tuesday.txt",
        "  shifrovka telegram check --codebook codebook.txt --pads pads.txt radiograms.txt"
      })
  public static final class Check extends AbstractCommand {
    @Option(names = "--codebook", paramLabel = "<file>",
        description = "The codebook file, to decipher and check parts (needs --pads).")
    Path codebook;

    @Option(names = "--pads", paramLabel = "<file>",
        description = "The pad file, to check sheets and parts (needs --codebook).")
    Path pads;

    @Mixin RadiogramFiles inputs;

    @Override
    public Integer call() throws Exception {
      if ((codebook == null) != (pads == null)) {
        throw usage("--codebook and --pads go together: give both or neither");
      }
      Codebook book = codebook == null ? null : readCodebook(codebook);
      PadBook padBook = pads == null ? null : readPads(pads);
      List<Path> files = inputs.files();
      List<RadiogramInput> all = readRadiograms(files);
      List<String> problems = new ArrayList<>();
      for (RadiogramInput in : all) {
        structure(in, problems);
      }
      List<RadiogramInput> distinct = duplicates(all, problems);
      if (padBook == null) {
        sameIndicator(distinct, problems);
      } else {
        sharedSheets(distinct, padBook, problems);
        CipherOffice office = CipherOffice.builder().codebook(book).padBook(padBook)
            .from(Scenario1949.TEREBIN).to(Scenario1949.KUZNETSOV).clock(env().clock()).build();
        Decipherment d = office.decipher(distinct.stream().map(RadiogramInput::radiogram)
            .toList());
        for (String p : d.problems()) {
          problems.add("decipher: " + p);
        }
      }
      StringBuilder sb = new StringBuilder();
      for (String p : problems) {
        sb.append(p).append('\n');
      }
      for (RadiogramInput in : all) {
        long k = problems.stream().filter(p -> concerns(p, in)).count();
        sb.append(id(in)).append(", ").append(in.radiogram().groups().size())
            .append(in.radiogram().groups().size() == 1 ? " group: " : " groups: ")
            .append(k == 0 ? "well" : k + (k == 1 ? " problem" : " problems")).append('\n');
      }
      sb.append("checked ").append(all.size()).append(all.size() == 1 ? " radiogram" : " radiograms")
          .append(" in ").append(files.size()).append(files.size() == 1 ? " file: " : " files: ")
          .append(problems.isEmpty() ? "all well"
              : problems.size() + (problems.size() == 1 ? " problem" : " problems"));
      if (padBook == null) {
        sb.append(" (structure only: give --codebook and --pads to check sheets and parts)");
      }
      print(sb.append('\n').toString());
      return problems.isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /**
     * Returns true if a problem line is about this radiogram: it starts with the radiogram's file
     * and number, or it is a decipher problem naming the number.
     */
    private static boolean concerns(String problem, RadiogramInput in) {
      String number = "radiogram No. " + in.radiogram().number();
      int at = problem.indexOf(number);
      while (at >= 0) {
        int after = at + number.length();
        boolean whole = after == problem.length() || !Character.isDigit(problem.charAt(after));
        if (whole && (problem.startsWith("decipher: ") || at == in.source().length() + 2
            && problem.startsWith(in.source() + ": "))) {
          return true;
        }
        at = problem.indexOf(number, after);
      }
      return false;
    }

    private static String id(RadiogramInput in) {
      return in.source() + ": radiogram No. " + in.radiogram().number();
    }

    private static void structure(RadiogramInput in, List<String> problems) {
      Radiogram r = in.radiogram();
      List<String> g = r.groups();
      if (g.size() != r.declaredGroups()) {
        problems.add(id(in) + ": the header declares " + r.declaredGroups() + " groups, "
            + g.size() + (g.size() == 1 ? " was" : " were") + " received");
      }
      List<Integer> suspect = r.suspectGroups();
      if (!suspect.isEmpty()) {
        problems.add(id(in) + ": " + (suspect.size() == 1 ? "group " + suspect.get(0) + " is"
            : "groups " + join(suspect) + " are") + " unreadable");
      }
      if (g.size() < 4) {
        problems.add(id(in) + ": too short (" + g.size() + " groups); a telegram has an"
            + " indicator, text, an end group and a serial/date group");
        return;
      }
      String last = g.get(g.size() - 1);
      if (last.indexOf('?') < 0 && !r.serialDateGroupFits()) {
        problems.add(id(in) + ": the serial/date group " + last + " does not match the header"
            + " (number " + r.number() + ", day " + r.day() + " in Moscow)");
      }
    }

    /** Reports radiogram numbers seen twice; returns the radiograms with the repeats left out. */
    private static List<RadiogramInput> duplicates(List<RadiogramInput> all,
        List<String> problems) {
      Map<Integer, RadiogramInput> byNumber = new LinkedHashMap<>();
      List<RadiogramInput> distinct = new ArrayList<>();
      for (RadiogramInput in : all) {
        RadiogramInput first = byNumber.putIfAbsent(in.radiogram().number(), in);
        if (first == null) {
          distinct.add(in);
        } else if (first.radiogram().equals(in.radiogram())) {
          problems.add(id(in) + ": appears twice (also in " + first.source() + ")");
        } else {
          problems.add(id(in) + ": the number is used by two different radiograms (the other is"
              + " in " + first.source() + "); give each encode its own --serial");
          distinct.add(in);
        }
      }
      return distinct;
    }

    private static void sameIndicator(List<RadiogramInput> rs, List<String> problems) {
      Map<String, RadiogramInput> byIndicator = new HashMap<>();
      for (RadiogramInput in : rs) {
        List<String> g = in.radiogram().groups();
        if (g.isEmpty() || g.get(0).indexOf('?') >= 0) {
          continue;
        }
        RadiogramInput other = byIndicator.putIfAbsent(g.get(0), in);
        if (other != null) {
          problems.add(id(in) + ": ALARM: indicator " + g.get(0) + " was already used by"
              + " radiogram No. " + other.radiogram().number() + " (" + other.source()
              + "): a pad sheet used twice");
        }
      }
    }

    private static void sharedSheets(List<RadiogramInput> rs, PadBook padBook,
        List<String> problems) {
      Map<Integer, RadiogramInput> bySheet = new HashMap<>();
      for (RadiogramInput in : rs) {
        List<String> g = in.radiogram().groups();
        if (g.size() < 4 || g.get(0).indexOf('?') >= 0) {
          continue;
        }
        Optional<PadSheet> first = padBook.sheetByIndicator(Integer.parseInt(g.get(0)));
        if (first.isEmpty()) {
          continue; // reported by decipher
        }
        int from = first.get().number();
        int to = Math.min(padBook.sheetCount(), from + padBook.sheetsFor(g.size() - 3) - 1);
        List<Integer> shared = new ArrayList<>();
        RadiogramInput other = null;
        for (int s = from; s <= to; s++) {
          RadiogramInput o = bySheet.putIfAbsent(s, in);
          if (o != null) {
            shared.add(s);
            other = o;
          }
        }
        if (other != null) {
          problems.add(id(in) + ": ALARM: pad book " + padBook.id() + (shared.size() == 1
              ? " sheet " + shared.get(0) + " is" : " sheets " + join(shared) + " are")
              + " also used by radiogram No. " + other.radiogram().number() + " ("
              + other.source() + "): a pad sheet used twice");
        }
      }
    }

    private static String join(List<Integer> xs) {
      StringBuilder sb = new StringBuilder();
      for (int x : xs) {
        sb.append(sb.length() == 0 ? "" : ", ").append(x);
      }
      return sb.toString();
    }
  }
}
