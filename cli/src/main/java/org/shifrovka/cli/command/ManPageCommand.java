package org.shifrovka.cli.command;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.shifrovka.cli.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * {@code shifrovka gen-manpage}: one man page per command, written by picocli's
 * {@link ManPageGenerator} as AsciiDoc, for asciidoctor to turn into troff
 * ({@code tools/man/install-man-pages.sh} does both).
 */
@Command(name = "gen-manpage", mixinStandardHelpOptions = true,
    description = {
      "Write a man page for every command, as AsciiDoc.",
      "One file per command (shifrovka.adoc, shifrovka-encode.adoc, ...) in a directory.",
      "asciidoctor turns them into man pages: tools/man/install-man-pages.sh does both and"
          + " installs them."
    },
    footerHeading = "%nExample:%n",
    footer = {"  shifrovka gen-manpage -d man", "  asciidoctor -b manpage -D man/man1 man/*.adoc"})
public final class ManPageCommand extends AbstractCommand {
  @Option(names = {"-d", "--dir"}, paramLabel = "<dir>", defaultValue = ".",
      description = "Where to write the files (created if missing; default: the current"
          + " directory). Files there are replaced.")
  Path dir;

  @Override
  public Integer call() throws IOException {
    Files.createDirectories(dir);
    List<CommandSpec> specs = new ArrayList<>();
    collect(spec.root(), specs);
    int code = ManPageGenerator.generateManPage(dir.toFile(), null, new boolean[0], true,
        specs.toArray(new CommandSpec[0]));
    if (code != 0) {
      throw new IOException("could not write the man pages to " + dir);
    }
    err().print("wrote " + specs.size() + " man pages to " + dir + "\n");
    err().flush();
    return ExitCodes.OK;
  }

  /** The command and every visible command below it, parents first. */
  private static void collect(CommandSpec spec, List<CommandSpec> out) {
    if (spec.usageMessage().hidden()) {
      return;
    }
    out.add(spec);
    for (CommandLine sub : spec.subcommands().values()) {
      if (sub.getCommandSpec().parent() == spec && !out.contains(sub.getCommandSpec())) {
        collect(sub.getCommandSpec(), out);
      }
    }
  }
}
