package org.shifrovka.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpCommandInitializable2;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code shifrovka help [COMMAND...]}: the help of the tool or of any command, also of a nested
 * one ({@code help codebook generate}), where picocli's own help command stops at the first name.
 */
@Command(name = "help", helpCommand = true, mixinStandardHelpOptions = true,
    description = "Show the help of shifrovka or of a command, also of a subcommand.",
    footerHeading = "%nExample:%n",
    footer = {"  shifrovka help encode", "  shifrovka help codebook generate"})
final class HelpTopicCommand implements IHelpCommandInitializable2, Runnable {

  @Parameters(paramLabel = "COMMAND", arity = "0..*",
      description = "The command, and its subcommand if it has them.")
  List<String> topic = new ArrayList<>();

  private CommandLine self;
  private Help.ColorScheme colors;

  @Override
  public void init(CommandLine helpCommandLine, Help.ColorScheme colorScheme, PrintWriter out,
      PrintWriter err) {
    this.self = helpCommandLine;
    this.colors = colorScheme;
  }

  @Override
  public void run() {
    CommandLine target = self.getParent();
    StringBuilder path = new StringBuilder(target.getCommandName());
    for (String name : topic) {
      CommandLine next = target.getSubcommands().get(name);
      if (next == null) {
        throw new ParameterException(self, "Unknown command '" + name + "' under '" + path
            + "'; its commands: " + String.join(", ", target.getSubcommands().keySet()));
      }
      target = next;
      path.append(' ').append(name);
    }
    target.usage(self.getOut(), colors);
  }
}
