package org.shifrovka.cli.command;

import java.nio.file.Path;
import java.util.Locale;
import org.shifrovka.cli.CliIo;
import org.shifrovka.cli.ExitCodes;
import org.shifrovka.ctc.TelegraphCode;
import org.shifrovka.text.UnknownCharacters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shifrovka ctc}: Chinese text to the Chinese telegraph code's four-digit groups and back. */
@Command(name = "ctc", mixinStandardHelpOptions = true,
    description = "The Chinese telegraph code: Chinese text to four-digit code groups and back.",
    subcommands = {CtcCommand.Encode.class, CtcCommand.Decode.class},
    footerHeading = "%nExample:%n",
    footer = {
      "  echo 毛澤東 | shifrovka ctc encode            # 3029 3419 2639",
      "  echo 3029 3419 2639 | shifrovka ctc decode --table mainland"
    })
public final class CtcCommand extends ParentCommand {

  /** {@code traditional} or {@code mainland}. */
  static final class TableValues extends Converters.Values<TelegraphCode> {
    TableValues() {
      super(CtcCommand::table, "traditional", "mainland");
    }
  }

  static TelegraphCode table(String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "traditional":
        return TelegraphCode.traditional();
      case "mainland":
        return TelegraphCode.mainland();
      default:
        throw new IllegalArgumentException("unknown telegraph code table \"" + value
            + "\" (expected traditional or mainland)");
    }
  }

  /** {@code --table}. */
  static final class TableOption {
    @Option(names = "--table", paramLabel = "traditional|mainland", defaultValue = "traditional",
        converter = TableValues.class, completionCandidates = TableValues.class,
        description = "traditional (Unihan kTaiwanTelegraph, the table of 1949) or mainland"
            + " (kMainlandTelegraph, simplified characters) (default: ${DEFAULT-VALUE}).")
    TelegraphCode table;
  }

  /** {@code shifrovka ctc encode}. */
  @Command(name = "encode", mixinStandardHelpOptions = true,
      description = {
        "Print the four-digit code group of each Chinese character, ten groups a line.",
        "Whitespace is not sent. A character the table lacks is an error naming its line and"
            + " column (exit code 3), unless --unknown drop leaves it out."
      })
  public static final class Encode extends AbstractCommand {
    @Mixin TableOption table;

    @Option(names = "--unknown", paramLabel = "refuse|drop", defaultValue = "refuse",
        converter = UnknownCharactersOption.Values.class,
        description = "A character the table lacks: refuse (exit code 3) or drop"
            + " (default: ${DEFAULT-VALUE}).")
    UnknownCharacters unknown;

    @Parameters(paramLabel = "FILE", arity = "0..1", defaultValue = "-",
        description = "UTF-8 Chinese text; - is standard input (default).")
    Path input;

    @Override
    public Integer call() throws Exception {
      if (unknown == UnknownCharacters.SPELL) {
        throw usage("--unknown: the telegraph code has no spelling; expected refuse or drop");
      }
      boolean drop = unknown == UnknownCharacters.DROP;
      CliIo.Input in = read(input);
      int[] codes = table.table.encode(in.text(), in.name(), drop);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < codes.length; i++) {
        sb.append(TelegraphCode.formatGroup(codes[i]))
            .append(i % 10 == 9 || i == codes.length - 1 ? '\n' : ' ');
      }
      print(sb.toString());
      return ExitCodes.OK;
    }
  }

  /** {@code shifrovka ctc decode}. */
  @Command(name = "decode", mixinStandardHelpOptions = true,
      description = {
        "Read four-digit code groups (separated by spaces or lines) back into Chinese text.",
        "A group that is not four digits, or a code the table does not assign, is an error"
            + " naming its line and column (exit code 3)."
      })
  public static final class Decode extends AbstractCommand {
    @Mixin TableOption table;

    @Parameters(paramLabel = "FILE", arity = "0..1", defaultValue = "-",
        description = "The code groups; - is standard input (default).")
    Path input;

    @Override
    public Integer call() throws Exception {
      CliIo.Input in = read(input);
      print(table.table.decodeGroups(in.text(), in.name()) + "\n");
      return ExitCodes.OK;
    }
  }
}
