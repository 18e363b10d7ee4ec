package org.shifrovka.cli.command;

import java.util.Locale;
import org.shifrovka.CipherSystem;
import org.shifrovka.checkerboard.StraddlingCheckerboard;
import org.shifrovka.ctc.TelegraphCode;
import org.shifrovka.transposition.DoubleTransposition;
import org.shifrovka.transposition.TransposedCheckerboard;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --system} of {@code encode} and {@code decode}, and the keys of the systems other than
 * the codebook: {@code --table} (the Chinese telegraph code), {@code --board}, {@code --key1} and
 * {@code --key2} (the checkerboard and its double transposition), and those of VIC
 * ({@link VicOptions}).
 */
final class SystemOptions {

  /** The system labels. */
  static final class SystemValues extends Converters.Values<CipherSystem> {
    SystemValues() {
      super(SystemOptions::system, "codebook+pad", "ctc+pad", "checkerboard+pad",
          "checkerboard+double-transposition", "vic");
    }
  }

  private static CipherSystem system(String value) {
    return CipherSystem.of(value);
  }

  /** {@code english} or {@code russian}. */
  static final class BoardValues extends Converters.Values<StraddlingCheckerboard> {
    BoardValues() {
      super(SystemOptions::board, "english", "russian");
    }
  }

  private static StraddlingCheckerboard board(String value) {
    switch (value.toLowerCase(Locale.ROOT)) {
      case "english":
        return StraddlingCheckerboard.english();
      case "russian":
        return StraddlingCheckerboard.russian();
      default:
        throw new IllegalArgumentException("unknown checkerboard \"" + value
            + "\" (expected english or russian)");
    }
  }

  @Option(names = "--system", paramLabel = "<system>", defaultValue = "codebook+pad",
      converter = SystemValues.class, completionCandidates = SystemValues.class,
      description = "codebook+pad (the 1949 office), ctc+pad (Chinese text in the Chinese"
          + " telegraph code, its four-digit groups sent as the codebook's figures under the pad),"
          + " checkerboard+pad (the straddling checkerboard's digits straight under the pad; no"
          + " codebook), checkerboard+double-transposition (the agent's hand system: no codebook,"
          + " no pad; needs --key1 and --key2) or vic (the VIC cipher of 1953: needs --phrase,"
          + " --key-date and --personal-number) (default: ${DEFAULT-VALUE}).")
  CipherSystem system = CipherSystem.CODEBOOK_PAD;

  @Option(names = "--table", paramLabel = "traditional|mainland", defaultValue = "traditional",
      converter = CtcCommand.TableValues.class,
      completionCandidates = CtcCommand.TableValues.class,
      description = "ctc+pad: the Chinese telegraph code table (default: ${DEFAULT-VALUE}).")
  TelegraphCode table;

  @Option(names = "--board", paramLabel = "english|russian", defaultValue = "english",
      converter = BoardValues.class, completionCandidates = BoardValues.class,
      description = "checkerboard+pad, checkerboard+double-transposition and vic: the"
          + " checkerboard (default:"
          + " ${DEFAULT-VALUE}).")
  StraddlingCheckerboard board;

  @Mixin VicOptions vic;

  @Option(names = "--key1", paramLabel = "<word>",
      description = "checkerboard+double-transposition: the first transposition key.")
  String key1;

  @Option(names = "--key2", paramLabel = "<word>",
      description = "checkerboard+double-transposition: the second transposition key.")
  String key2;

  /** Returns the hand system of the checkerboard and the two keys. */
  TransposedCheckerboard handSystem(AbstractCommand command) {
    return new TransposedCheckerboard(board, transposition(command));
  }

  /** Returns the two transpositions of {@code --key1} and {@code --key2}. */
  DoubleTransposition transposition(AbstractCommand command) {
    if (key1 == null || key2 == null || key1.isBlank() || key2.isBlank()) {
      throw command.usage("--system checkerboard+double-transposition needs --key1 and --key2");
    }
    return DoubleTransposition.ofKeywords(key1, key2);
  }

  /** Refuses a missing codebook or pad file for a system that needs them. */
  void requireKeys(AbstractCommand command, Object codebook, Object pads) {
    if (system.usesCodebook() && (codebook == null || pads == null)) {
      throw command.usage("--system " + system.label() + " needs --codebook and --pads");
    }
    if (system.usesPad() && pads == null) {
      throw command.usage("--system " + system.label() + " needs --pads");
    }
  }
}
