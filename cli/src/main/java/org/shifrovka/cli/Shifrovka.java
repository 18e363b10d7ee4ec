package org.shifrovka.cli;

import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.shifrovka.cli.command.CodebookCommand;
import org.shifrovka.cli.command.DecodeCommand;
import org.shifrovka.cli.command.DemoCommand;
import org.shifrovka.cli.command.SimulateCommand;
import org.shifrovka.cli.command.StationCommand;
import org.shifrovka.cli.command.EncodeCommand;
import org.shifrovka.cli.command.ManPageCommand;
import org.shifrovka.cli.command.ExplainCommand;
import org.shifrovka.cli.command.CtcCommand;
import org.shifrovka.cli.command.MorseCommand;
import org.shifrovka.cli.command.PadCommand;
import org.shifrovka.cli.command.PkiCommand;
import org.shifrovka.cli.command.ServeCommand;
import org.shifrovka.cli.command.TelegramCommand;
import org.shifrovka.cli.command.TopologyCommand;
import org.shifrovka.cli.command.TrafficCommand;
import org.shifrovka.cli.command.AttackCommand;
import picocli.AutoComplete.GenerateCompletion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code shifrovka} command and the one factory, {@link #create}, that builds the configured
 * {@link CommandLine} for {@link Main} and for the tests alike.
 */
@Command(
    name = "shifrovka",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Encipher and decipher 1949 Soviet cipher telegrams: a 4-digit codebook, one-time pad"
          + " sheets recorded in a ledger, radiograms and archival copies."
    },
    subcommands = {
      CodebookCommand.class,
      PadCommand.class,
      EncodeCommand.class,
      DecodeCommand.class,
      TelegramCommand.class,
      MorseCommand.class,
      CtcCommand.class,
      DemoCommand.class,
      ExplainCommand.class,
      SimulateCommand.class,
      TopologyCommand.class,
      StationCommand.class,
      ServeCommand.class,
      PkiCommand.class,
      TrafficCommand.class,
      AttackCommand.class,
      GenerateCompletion.class,
      ManPageCommand.class,
      HelpTopicCommand.class
    },
    footerHeading = "%nExample:%n",
    footer = {
      "  shifrovka codebook generate --seed 42 -o codebook.txt",
      "  shifrovka pad generate --sheets 20 -o pads.txt",
      "  echo 'Comrade Filippov, I received your telegram.' > message.txt",
      "  shifrovka encode --codebook codebook.txt --pads pads.txt --ledger ledger.txt \\",
      "      message.txt > radiograms.txt",
      "  shifrovka decode --codebook codebook.txt --pads pads.txt radiograms.txt"
    })
public final class Shifrovka implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "On an error, print the stack trace as well as the one-line message.")
  boolean verbose;

  private final Environment environment;

  private Shifrovka(Environment environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  /** Returns standard input and the clock the commands use. */
  public Environment environment() {
    return environment;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }

  /**
   * Builds the tool: the commands, the exit-code mapping, the error handlers and the output
   * streams. {@code main} and the tests both call this.
   *
   * @param out where commands print their results
   * @param err where errors, warnings and reports go
   * @param environment standard input and the clock
   */
  public static CommandLine create(PrintWriter out, PrintWriter err, Environment environment) {
    CommandLine cl = new CommandLine(new Shifrovka(environment));
    ErrorHandler handler = new ErrorHandler();
    // picocli hides generate-completion by default; it belongs in the command list
    cl.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false)
        .footerHeading("%nExample:%n")
        .footer("  source <(shifrovka generate-completion)     # in bash or zsh");
    cl.setCaseInsensitiveEnumValuesAllowed(true)
        .setUsageHelpAutoWidth(true)
        .setUsageHelpWidth(helpWidth(environment.terminal()))
        .setExitCodeExceptionMapper(handler)
        .setExecutionExceptionHandler(handler)
        .setParameterExceptionHandler(handler)
        .setOut(out)
        .setErr(err);
    applyToAll(cl);
    return cl;
  }

  /** Builds the tool for a real run: {@code System.in} and the system clock. */
  public static CommandLine create(PrintWriter out, PrintWriter err) {
    return create(out, err, Environment.system());
  }

  /**
   * Returns the help width: the terminal's when {@code COLUMNS} or the terminal tell it (picocli
   * takes between 55 and 200 columns), else 80.
   */
  private static int helpWidth(Terminal terminal) {
    return Math.max(55, Math.min(200, terminal.width()));
  }

  private static void applyToAll(CommandLine cl) {
    cl.getCommandSpec().usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCodes.descriptions());
    cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER,
        new ExampleFooter());
    for (CommandLine sub : cl.getSubcommands().values()) {
      applyToAll(sub);
    }
  }
}
