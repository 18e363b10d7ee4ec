package org.shifrovka.cli.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.shifrovka.cli.ExitCodes;
import org.shifrovka.cli.Progress;
import org.shifrovka.pad.PadBook;
import org.shifrovka.pad.PadGenerator;
import org.shifrovka.pad.PadLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shifrovka pad}: make a one-time pad, show what is left of it. */
@Command(name = "pad", mixinStandardHelpOptions = true,
    description = "Generate a one-time pad or show which of its sheets are used.",
    subcommands = {PadCommand.Generate.class, PadCommand.Status.class},
    footerHeading = "%nExample:%n",
    footer = {
      "  shifrovka pad generate --sheets 40 -o pads.txt",
      "  shifrovka pad status --pads pads.txt --ledger ledger.txt"
    })
public final class PadCommand extends ParentCommand {

  /** {@code shifrovka pad generate}. */
  @Command(name = "generate", mixinStandardHelpOptions = true,
      description = {
        "Generate a one-time pad book of numbered sheets of random 5-digit groups.",
        "Without --seed the groups come from an SP 800-90A HMAC-DRBG seeded by the system's"
            + " SecureRandom. With --seed the pad is reproducible and therefore insecure: a"
            + " warning says so, and so does the file.",
        "The file is written whole or not at all, readable by its owner only."
      },
      footerHeading = "%nExample:%n",
      footer = {"  shifrovka pad generate --sheets 40 -o pads.txt"})
  public static final class Generate extends AbstractCommand {
    @Option(names = "--sheets", paramLabel = "<n>", required = true,
        description = "Number of sheets (1-100000); each enciphers one telegram or more sheets one"
            + " long telegram.")
    int sheets;

    @Option(names = "--groups-per-sheet", paramLabel = "<n>", defaultValue = "60",
        description = "Groups on each sheet, the indicator included (default: ${DEFAULT-VALUE}).")
    int groupsPerSheet;

    @Option(names = "--seed", paramLabel = "<n>",
        description = "Make the pad from this seed: reproducible, for demos and tests only."
            + " INSECURE.")
    Long seed;

    @Option(names = "--book", paramLabel = "<id>",
        description = "Book id, 1-20 characters of 0-9, A-Z and - (default: 5 random digits)."
            + " The ledger records used sheets under it.")
    String bookId;

    @Option(names = {"-o", "--output"}, paramLabel = "<file>", defaultValue = "-",
        description = "Where to write the pad; - is standard output (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--force", description = "Replace the output file if it exists.")
    boolean force;

    @Override
    public Integer call() throws Exception {
      if (sheets < 1 || sheets > 100_000) {
        throw usage("--sheets must be 1-100000, got " + sheets);
      }
      if (groupsPerSheet < 2 || groupsPerSheet > 10_000) {
        throw usage("--groups-per-sheet must be 2-10000, got " + groupsPerSheet);
      }
      if (bookId != null && !bookId.matches("[0-9A-Z-]{1,20}")) {
        throw usage("--book must be 1-20 characters of 0-9, A-Z and -, got \"" + bookId + "\"");
      }
      PadGenerator gen;
      if (seed == null) {
        gen = PadGenerator.secure();
      } else {
        warn("--seed makes the pad reproducible and INSECURE: anyone who knows the seed can"
            + " rebuild it. Use it for demos and tests only.");
        gen = PadGenerator.seededInsecure(seed);
      }
      PadBook book;
      try (Progress progress = Progress.start(err(), env().terminal(), "generating sheets",
          sheets)) {
        book = bookId == null ? gen.generate(sheets, groupsPerSheet, progress::update)
            : gen.generate(bookId, sheets, groupsPerSheet, progress::update);
      }
      String text = book.render();
      if (printOrWriteSecret(output, text, force)) {
        err().print("pad book " + book.id() + ": " + sheets + " sheets of " + groupsPerSheet
            + " groups written to " + output + "\n");
        err().flush();
      }
      return ExitCodes.OK;
    }
  }

  /** {@code shifrovka pad status}. */
  @Command(name = "status", mixinStandardHelpOptions = true,
      description = {
        "Show how many sheets of a pad are used and which are left, according to a ledger.",
        "Reads the ledger without changing it; a ledger that does not exist yet means no sheet is"
            + " used."
      },
      footerHeading = "%nExample:%n",
      footer = {
        "  shifrovka pad status --pads pads.txt --ledger ledger.txt",
        "  pad book 56625: 40 sheets of 60 groups",
        "  used: 2 (1-2)",
        "  left: 38 (3-40)"
      })
  public static final class Status extends AbstractCommand {
    @Option(names = "--pads", paramLabel = "<file>", required = true, description = "The pad file.")
    Path pads;

    @Option(names = "--ledger", paramLabel = "<file>", required = true,
        description = "The ledger of used sheets.")
    Path ledger;

    @Override
    public Integer call() throws Exception {
      PadBook book = readPads(pads);
      SortedSet<Integer> used = new TreeSet<>();
      if (Files.exists(ledger)) {
        for (int s : PadLedger.open(ledger, env().clock()).usedSheets(book.id())) {
          if (s >= 1 && s <= book.sheetCount()) {
            used.add(s);
          }
        }
      }
      List<Integer> left = new ArrayList<>();
      for (int s = 1; s <= book.sheetCount(); s++) {
        if (!used.contains(s)) {
          left.add(s);
        }
      }
      StringBuilder sb = new StringBuilder();
      sb.append("pad book ").append(book.id()).append(": ").append(book.sheetCount())
          .append(" sheets of ").append(book.groupsPerSheet()).append(" groups")
          .append(book.insecure() ? " (seeded: INSECURE)" : "").append('\n');
      sb.append("used: ").append(used.size()).append(ranges(new ArrayList<>(used))).append('\n');
      sb.append("left: ").append(left.size()).append(ranges(left)).append('\n');
      print(sb.toString());
      return ExitCodes.OK;
    }

    /** Returns {@code " (1-3, 5)"} for 1, 2, 3, 5, or an empty string for none. */
    static String ranges(List<Integer> sorted) {
      if (sorted.isEmpty()) {
        return "";
      }
      StringBuilder sb = new StringBuilder(" (");
      int i = 0;
      while (i < sorted.size()) {
        int j = i;
        while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
          j++;
        }
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(sorted.get(i));
        if (j > i) {
          sb.append('-').append(sorted.get(j));
        }
        i = j + 1;
      }
      return sb.append(')').toString();
    }
  }
}
