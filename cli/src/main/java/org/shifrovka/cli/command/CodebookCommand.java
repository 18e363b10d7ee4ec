package org.shifrovka.cli.command;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.shifrovka.cli.CliException;
import org.shifrovka.cli.CliIo;
import org.shifrovka.cli.ExitCodes;
import org.shifrovka.codebook.CodeText;
import org.shifrovka.codebook.Codebook;
import org.shifrovka.codebook.CodebookStyle;
import org.shifrovka.codebook.Vocabulary;
import org.shifrovka.text.Language;
import org.shifrovka.text.TelegraphText;
import org.shifrovka.text.Telegraphese;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shifrovka codebook}: make a codebook, look words and codes up. */
@Command(name = "codebook", mixinStandardHelpOptions = true,
    description = "Generate a codebook or look words and code groups up in one.",
    subcommands = {CodebookCommand.Generate.class, CodebookCommand.Lookup.class},
    footerHeading = "%nExample:%n",
    footer = {
      "  shifrovka codebook generate --seed 42 -o codebook.txt",
      "  shifrovka codebook lookup --codebook codebook.txt Filippov"
    })
public final class CodebookCommand extends ParentCommand {

  /** {@code shifrovka codebook generate}. */
  @Command(name = "generate", mixinStandardHelpOptions = true,
      description = {
        "Generate a 4-digit codebook from the built-in vocabulary of a language.",
        "The same language, style and seed always give the same book. Without --seed a random"
            + " seed is drawn; it is recorded in the file's 'seed' line either way.",
        "The file is written whole or not at all, readable by its owner only."
      },
      footerHeading = "%nExample:%n",
      footer = {"  shifrovka codebook generate --lang ru --style one-part --seed 7 -o codebook.txt"})
  public static final class Generate extends AbstractCommand {
    @Option(names = "--lang", paramLabel = "ru|en", defaultValue = "en",
        converter = Converters.LanguageValues.class,
        completionCandidates = Converters.LanguageValues.class,
        description = "Language of the vocabulary and punctuation words (default: ${DEFAULT-VALUE}).")
    Language language;

    @Option(names = "--style", paramLabel = "two-part|one-part", defaultValue = "two-part",
        converter = Converters.StyleValues.class,
        completionCandidates = Converters.StyleValues.class,
        description = "Random (two-part) or alphabetical (one-part) code order"
            + " (default: ${DEFAULT-VALUE}).")
    CodebookStyle style;

    @Option(names = "--seed", paramLabel = "<n>",
        description = "Seed of the code assignment (default: a random seed).")
    Long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "<file>", defaultValue = "-",
        description = "Where to write the codebook; - is standard output (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--force", description = "Replace the output file if it exists.")
    boolean force;

    @Override
    public Integer call() throws Exception {
      long s = seed != null ? seed : new SecureRandom().nextLong();
      Codebook book = Codebook.generate(Vocabulary.builtIn(language), style, s);
      String text = book.render();
      printOrWriteSecret(output, text, force);
      return ExitCodes.OK;
    }
  }

  /** {@code shifrovka codebook lookup}. */
  @Command(name = "lookup", mixinStandardHelpOptions = true,
      description = {
        "Look words up in a codebook, or code groups, in either direction.",
        "A 4-digit argument is a code group and prints what it stands for; anything else is text"
            + " and prints the code of each of its words or phrases (spelled if not in the book).",
        "Output: one line per code unit, the code, a tab, the words."
      },
      footerHeading = "%nExample:%n",
      footer = {
        "  shifrovka codebook lookup --codebook codebook.txt Comrade 'Nanjing government' 0542",
        "  0542    COMRADE",
        "  ..."
      })
  public static final class Lookup extends AbstractCommand {
    @Option(names = "--codebook", paramLabel = "<file>", required = true,
        description = "The codebook file (- for standard input).")
    Path codebook;

    @Parameters(paramLabel = "WORD|CODE", arity = "1..*",
        description = "Words or phrases to code, or 4-digit code groups to read.")
    List<String> queries;

    @Override
    public Integer call() throws Exception {
      Codebook book = readCodebook(codebook);
      String name = CliIo.isDash(codebook) ? CliIo.STDIN_NAME : codebook.toString();
      Telegraphese norm = Telegraphese.of(book.language());
      StringBuilder sb = new StringBuilder();
      List<String> unknown = new ArrayList<>();
      for (String q : queries) {
        if (q.matches("[0-9]{4}")) {
          Optional<String> e = book.entry(Integer.parseInt(q));
          if (e.isEmpty()) {
            unknown.add(q);
          } else {
            sb.append(q).append('\t').append(e.get()).append('\n');
          }
          continue;
        }
        TelegraphText text = norm.normalize(q, "<argument \"" + q + "\">");
        CodeText code = book.encode(text);
        for (CodeText.Unit u : code.units()) {
          sb.append(u.code()).append('\t').append(u.words()).append('\n');
        }
      }
      if (!unknown.isEmpty()) {
        throw new CliException(ExitCodes.BAD_DATA, name + ": no entry for code group"
            + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown));
      }
      print(sb.toString());
      return ExitCodes.OK;
    }
  }
}
